package org.vigia.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.alerts.AlertService;
import org.vigia.alerts.AlertSettings;
import org.vigia.ingest.IngestService;
import org.vigia.ingest.IngestSettings;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;
import org.vigia.kit.Env;
import org.vigia.kit.HttpServer;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.Metrics;
import org.vigia.processor.ProcessorService;
import org.vigia.processor.ProcessorSettings;

/**
 * The whole of Vigía in one JVM: an embedded KRaft broker (unless {@code KAFKA_BOOTSTRAP_SERVERS}
 * names a cluster), a local SMTP sink (unless {@code SMTP_HOST} names a server), and the
 * three services, each configured exactly as it would be on its own, through environment
 * variables. Closing it stops everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** LIVE: the ingest clock ticks wall time. REPLAY: a dataset replay drives time. */
    public enum Mode { LIVE, REPLAY }

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final StackSettings settings;
    private KafkaSettings kafka;
    private MailSink mailSink;
    private IngestService ingest;
    private ProcessorService processor;
    private AlertService alerts;
    private HttpServer mailbox;
    private Map<String, String> tokens;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static LocalStack start(StackSettings settings, Mode mode) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startParts(mode);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Starts only the services against an already running broker (tests share one broker per JVM). */
    public static LocalStack startOn(String bootstrapServers, StackSettings settings, Mode mode) {
        Map<String, String> vars = new HashMap<>(settings.env().asMap());
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        StackSettings withKafka = StackSettings.from(new Env(vars));
        return start(withKafka.withDataDir(settings.dataDir()).withGroupWait(settings.groupWait()), mode);
    }

    private void startParts(Mode mode) {
        Path dataDir = settings.dataDir();
        String bootstrap = settings.externalKafka().orElseGet(() -> {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), settings.kafkaPort());
            parts.push(broker);
            return broker.bootstrapServers();
        });
        tokens = LocalTokens.ensure(dataDir);
        Path subscriptions = extractOnce("stack/subscriptions.yaml", dataDir.resolve("subscriptions.yaml"));

        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        common.put("VIGIA_TOPIC_PREFIX", settings.topicPrefix());
        common.put("VIGIA_TOKENS_FILE", dataDir.resolve("tokens.yaml").toString());
        Env base = settings.env().with(common);
        kafka = KafkaSettings.from(base);

        Map<String, String> mail = new HashMap<>();
        if (settings.externalSmtp().isEmpty()) {
            mailSink = MailSink.start(settings.smtpSinkPort(), dataDir.resolve("mail"));
            parts.push(mailSink);
            mail.put("SMTP_HOST", "127.0.0.1");
            mail.put("SMTP_PORT", String.valueOf(mailSink.port()));
            mail.put("SMTP_STARTTLS", "false");
            mailbox = HttpServer.start("127.0.0.1", settings.mailboxPort(), Metrics.registry("mailbox"), () -> true,
                    new MailboxPage(mailSink)::routes);
            parts.push(mailbox);
        }

        Map<String, String> processorVars = new HashMap<>(Map.of(
                "VIGIA_HTTP_PORT", String.valueOf(settings.processorPort()),
                "VIGIA_STATE_DIR", dataDir.resolve("state").toString()));
        if (mode != Mode.LIVE && base.optional("VIGIA_GRACE").isEmpty()) {
            // A replay writes one day of event time per step; a tick may be read before the step's
            // other records, so time-driven alerts wait one step (see the stream-processor README).
            processorVars.put("VIGIA_GRACE", "1d");
        }
        processor = new ProcessorService(ProcessorSettings.from(base.with(processorVars)));
        processor.start();
        parts.push(processor);

        Map<String, String> alertVars = new HashMap<>(mail);
        alertVars.put("VIGIA_HTTP_PORT", String.valueOf(settings.alertPort()));
        alertVars.put("VIGIA_SUBSCRIPTIONS_FILE", subscriptions.toString());
        alertVars.put("VIGIA_PANEL_URL", "http://localhost:" + processor.httpPort() + "/");
        alertVars.put("VIGIA_GROUP_WAIT", settings.groupWait().toMillis() + "ms");
        // The processor's application id is not the alert service's: it defaults to <prefix>alert-service.
        alertVars.put("VIGIA_APPLICATION_ID", settings.env().string("VIGIA_ALERT_APPLICATION_ID", ""));
        alertVars.put("VIGIA_STATE_DIR", dataDir.resolve("alert-state").toString());
        // One instance in the stack: no standby to keep warm.
        alertVars.put("VIGIA_STANDBY_REPLICAS", "0");
        alerts = new AlertService(AlertSettings.from(base.with(Map.of("SMTP_FROM", "Vigía <alertas@vigia.localhost>"))
                .with(alertVars)));
        alerts.start();
        parts.push(alerts);

        ingest = new IngestService(IngestSettings.from(base.with(Map.of(
                "VIGIA_HTTP_PORT", String.valueOf(settings.ingestPort()),
                "VIGIA_CLOCK_ENABLED", String.valueOf(mode == Mode.LIVE)))));
        ingest.start();
        parts.push(ingest);
        log.info("local stack up: Kafka {}, ingest :{}, processor :{}, alerts :{}", bootstrap, ingest.httpPort(),
                processor.httpPort(), alerts.httpPort());
    }

    private static Path extractOnce(String resource, Path target) {
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try (InputStream in = LocalStack.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + resource);
                    }
                    Files.copy(in, target);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KafkaSettings kafka() {
        return kafka;
    }

    public int ingestPort() {
        return ingest.httpPort();
    }

    public int processorPort() {
        return processor.httpPort();
    }

    public int alertPort() {
        return alerts.httpPort();
    }

    public int mailboxPort() {
        return mailbox == null ? -1 : mailbox.port();
    }

    /** The local SMTP sink, or null when an external SMTP server is configured. */
    public MailSink mailSink() {
        return mailSink;
    }

    /** Principal → token for the local stack's own tokens. */
    public Map<String, String> tokens() {
        return tokens;
    }

    @Override
    public void close() {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("error while stopping {}", part.getClass().getSimpleName(), e);
            }
        }
    }
}
