package org.vigia.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.vigia.kit.Env;

/**
 * Settings of the one-command local stack. The services' own variables (see the top-level README's Configuration) pass
 * through unchanged; these add where the stack keeps its data and which ports it uses.
 * Setting {@code KAFKA_BOOTSTRAP_SERVERS} uses that cluster instead of the embedded broker;
 * setting {@code SMTP_HOST} uses that mail server instead of the local sink.
 */
public record StackSettings(
        Path dataDir,
        int kafkaPort,
        Optional<String> externalKafka,
        Optional<String> externalSmtp,
        int smtpSinkPort,
        int mailboxPort,
        int ingestPort,
        int processorPort,
        int alertPort,
        String topicPrefix,
        Duration groupWait,
        Env env) {

    public static StackSettings from(Env env) {
        return new StackSettings(
                Path.of(env.string("VIGIA_DATA_DIR", ".vigia")),
                env.integer("VIGIA_KAFKA_PORT", 9092, 0, 65535),
                env.optional("KAFKA_BOOTSTRAP_SERVERS"),
                env.optional("SMTP_HOST"),
                env.integer("VIGIA_SMTP_SINK_PORT", 2525, 0, 65535),
                env.integer("VIGIA_MAILBOX_PORT", 8025, 0, 65535),
                env.integer("VIGIA_INGEST_PORT", 8081, 0, 65535),
                env.integer("VIGIA_PROCESSOR_PORT", 8082, 0, 65535),
                env.integer("VIGIA_ALERT_PORT", 8083, 0, 65535),
                env.string("VIGIA_TOPIC_PREFIX", "vigia."),
                env.duration("VIGIA_GROUP_WAIT", Duration.ofSeconds(30)),
                env);
    }

    public StackSettings withDataDir(Path dir) {
        return new StackSettings(dir, kafkaPort, externalKafka, externalSmtp, smtpSinkPort, mailboxPort, ingestPort,
                processorPort, alertPort, topicPrefix, groupWait, env);
    }

    public StackSettings withGroupWait(Duration wait) {
        return new StackSettings(dataDir, kafkaPort, externalKafka, externalSmtp, smtpSinkPort, mailboxPort, ingestPort,
                processorPort, alertPort, topicPrefix, wait, env);
    }
}
