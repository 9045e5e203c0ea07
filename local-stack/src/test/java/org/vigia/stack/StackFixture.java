package org.vigia.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vigia.events.Commitment;
import org.vigia.events.Tick;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;
import org.vigia.kit.Env;

/**
 * A whole stack on the JVM's shared broker, isolated by topic prefix, application id and
 * consumer group, with free ports and a temporary data folder; plus the calls a user makes.
 */
final class StackFixture implements AutoCloseable {
    final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final KafkaProducer<String, Tick> clock;

    StackFixture(Path dataDir, String name, Map<String, String> extra) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> vars = new HashMap<>(System.getenv());
        vars.put("VIGIA_TOPIC_PREFIX", id + ".");
        vars.put("VIGIA_APPLICATION_ID", id + "-processor");
        vars.put("VIGIA_INGEST_PORT", "0");
        vars.put("VIGIA_PROCESSOR_PORT", "0");
        vars.put("VIGIA_ALERT_PORT", "0");
        vars.put("VIGIA_SMTP_SINK_PORT", "0");
        vars.put("VIGIA_MAILBOX_PORT", "0");
        vars.put("VIGIA_GROUP_WAIT", "1s");
        vars.put("VIGIA_PARTITIONS", "3");
        vars.putAll(extra);
        StackSettings settings = StackSettings.from(new Env(vars)).withDataDir(dataDir);
        stack = LocalStack.startOn(EmbeddedKafkaBroker.shared().bootstrapServers(), settings, LocalStack.Mode.REPLAY);
        clock = new KafkaProducer<>(stack.kafka().clientProperties(Map.of(
                "transactional.id", id + "-test-clock", "acks", "all")),
                new StringSerializer(), stack.kafka().topics().clock.valueSerde().serializer());
        clock.initTransactions();
    }

    /** Advances event time: one tick to every partition of the clock topic, in one transaction. */
    void tick(Instant at) {
        String topic = stack.kafka().topics().clock.name();
        clock.beginTransaction();
        for (int p = 0; p < stack.kafka().partitions(); p++) {
            clock.send(new ProducerRecord<>(topic, p, at.toEpochMilli(), "tick-" + p, new Tick(at)));
        }
        clock.commitTransaction();
    }

    /** Writes a registry entry stamped with its event time, as a replay does. */
    void register(Commitment commitment, Instant at) {
        try (var producer = new KafkaProducer<>(stack.kafka().clientProperties(Map.of("acks", "all")),
                new StringSerializer(), stack.kafka().topics().commitments.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(stack.kafka().topics().commitments.name(), null, at.toEpochMilli(),
                    commitment.id(), commitment));
        }
    }

    /** Ticks once a day from {@code from} to {@code to}, both included. */
    void tickDaily(Instant from, Instant to) {
        for (Instant t = from; !t.isAfter(to); t = t.plus(Duration.ofDays(1))) {
            tick(t);
        }
    }

    HttpResponse<String> send(String method, int port, String path, String principal, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (principal != null) {
            b.header("Authorization", "Bearer " + stack.tokens().get(principal));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> ingest(String method, String path, String principal, String json) {
        return send(method, stack.ingestPort(), path, principal, json);
    }

    HttpResponse<String> query(String path) {
        return send("GET", stack.processorPort(), path, null, null);
    }

    List<jakarta.mail.internet.MimeMessage> mails() {
        return stack.mailSink().messages();
    }

    @Override
    public void close() {
        clock.close(Duration.ofSeconds(5));
        stack.close();
    }
}
