package org.vigia.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.alerts.AlertService;
import org.vigia.alerts.AlertSettings;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.events.Json;
import org.vigia.events.Milestone;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.Tick;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.processor.ProcessorService;
import org.vigia.processor.ProcessorSettings;

/**
 * Quality bar: stall threshold crossed → email in the SMTP server, p99 under
 * 2 s plus {@code groupWait}. The stream-processor and the alert-service run in this JVM
 * against a GreenMail SMTP server, with {@code VIGIA_STALL_AFTER_DAYS=1} and
 * {@code VIGIA_GROUP_WAIT=1s}.
 *
 * <p>Commitment {@code C-k} reports progress at event time {@code D0 + k minutes}; clock tick
 * {@code k} (one record to every partition of the clock topic, as ingest's clock writes it)
 * is at {@code D0 + 1 day + k minutes + 30 s}, so it crosses the stall threshold of exactly
 * one commitment, {@code C-k}. Each commitment has its own subscriber (match: that
 * commitment, type STALLED), so every email carries one alert. The latency is the wall time
 * from writing tick {@code k} to the email for {@code C-k} being in GreenMail's inbox.
 */
final class AlertLatencyBench {
    private static final Instant D0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration GROUP_WAIT = Duration.ofSeconds(1);
    private static final Duration SPACING = Duration.ofSeconds(2);

    private AlertLatencyBench() {
    }

    static void run(String bootstrap, int samples) throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Path state = Files.createTempDirectory("bench-alert-latency");
        Path subscriptions = writeSubscriptions(samples);
        long id = System.currentTimeMillis();
        Env env = environment(bootstrap, id, state, subscriptions, smtp.getSmtp().getPort());
        ProcessorSettings processorSettings = ProcessorSettings.from(env);
        KafkaSettings kafka = processorSettings.kafka();
        BenchKafka.createTopics(kafka, kafka.topics().all());
        writeInput(kafka, samples);

        ProcessorService processor = new ProcessorService(processorSettings);
        AlertService alerts = new AlertService(AlertSettings.from(env.with(Map.of(
                "VIGIA_APPLICATION_ID", "bench-alerts-service-" + id,
                "VIGIA_STATE_DIR", state.resolve("alert-service").toString(),
                "VIGIA_STANDBY_REPLICAS", "0"))));
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread inbox = new Thread(() -> watchInbox(smtp, arrived, stop), "bench-inbox");
        inbox.setDaemon(true);
        try {
            processor.start();
            alerts.start();
            BenchKafka.awaitCaughtUp(kafka, processorSettings.applicationId(), kafka.topics().progress.name(),
                    Duration.ofMinutes(2));
            inbox.start();
            System.out.printf("processor and alert-service running (groupWait %d s, stall after 1 day); %d samples,"
                    + " one tick every %d s%n", GROUP_WAIT.toSeconds(), samples, SPACING.toSeconds());
            Map<String, Long> sent = sendTicks(kafka, samples);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (arrived.size() < samples && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            stop.set(true);
            report(samples, sent, arrived, smtp.getReceivedMessages().length);
        } finally {
            stop.set(true);
            alerts.close();
            processor.close();
            smtp.stop();
            BenchKafka.deleteQuietly(state);
            Files.deleteIfExists(subscriptions);
        }
    }

    /** One subscriber per commitment {@code C-k}, for its stalls alone, so each email carries one alert. */
    private static Path writeSubscriptions(int samples) throws IOException {
        Path subscriptions = Files.createTempFile("bench-subscriptions", ".yaml");
        StringBuilder yaml = new StringBuilder("subscriptions:\n");
        for (int k = 0; k < samples; k++) {
            yaml.append("  - name: Bench ").append(k).append("\n    id: bench-").append(k)
                    .append("\n    emails: [bench-").append(k).append("@bench.example]\n    language: en\n")
                    .append("    match: { commitments: [C-").append(k).append("], types: [STALLED] }\n")
                    .append("    delivery: immediate\n");
        }
        Files.writeString(subscriptions, yaml);
        return subscriptions;
    }

    private static Env environment(String bootstrap, long id, Path state, Path subscriptions, int smtpPort) {
        Map<String, String> vars = new HashMap<>();
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        vars.put("VIGIA_TOPIC_PREFIX", "bench-alerts-" + id + ".");
        vars.put("VIGIA_PARTITIONS", "6");
        vars.put("VIGIA_HTTP_HOST", "127.0.0.1");
        vars.put("VIGIA_HTTP_PORT", "0");
        vars.put("VIGIA_APPLICATION_ID", "bench-alerts-processor-" + id);
        vars.put("VIGIA_STATE_DIR", state.toString());
        vars.put("VIGIA_STALL_AFTER_DAYS", "1");
        vars.put("VIGIA_SUBSCRIPTIONS_FILE", subscriptions.toString());
        vars.put("VIGIA_GROUP_WAIT", GROUP_WAIT.toSeconds() + "s");
        vars.put("VIGIA_REPEAT_INTERVAL", "0s");
        vars.put("VIGIA_RATE_LIMIT_PER_HOUR", "0");
        vars.put("SMTP_HOST", "127.0.0.1");
        vars.put("SMTP_PORT", String.valueOf(smtpPort));
        return new Env(vars);
    }

    /** Writes tick {@code k} every {@link #SPACING}; returns when each recipient's tick was written (nanoTime). */
    private static Map<String, Long> sendTicks(KafkaSettings kafka, int samples) throws InterruptedException {
        Map<String, Long> sent = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(kafka)) {
            long t0 = System.nanoTime();
            for (int k = 0; k < samples; k++) {
                long due = t0 + k * SPACING.toNanos();
                while (System.nanoTime() < due) {
                    Thread.sleep(1);
                }
                Instant at = D0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(k)).plusSeconds(30);
                sent.put("bench-" + k + "@bench.example", System.nanoTime());
                for (int p = 0; p < kafka.partitions(); p++) {
                    producer.send(new ProducerRecord<>(kafka.topics().clock.name(), p, at.toEpochMilli(),
                            "tick-" + p, Json.write(new Tick(at))));
                }
                producer.flush();
            }
        }
        return sent;
    }

    private static void report(int samples, Map<String, Long> sent, Map<String, Long> arrived, int emails) {
        List<Double> latencies = new ArrayList<>();
        sent.forEach((to, t) -> {
            Long a = arrived.get(to);
            if (a != null) {
                latencies.add((a - t) / 1e6);
            }
        });
        List<String> missing = sent.keySet().stream().filter(to -> !arrived.containsKey(to)).sorted().toList();
        if (!missing.isEmpty()) {
            System.out.println("no email for: " + missing);
        }
        System.out.println();
        if (latencies.isEmpty()) {
            System.out.println("tick → email: no email arrived");
            return;
        }
        System.out.printf("tick → email in SMTP inbox: n=%d (missing %d, emails received %d)  p50 %.0f ms  p95 %.0f ms"
                + "  p99 %.0f ms  max %.0f ms%n", samples, samples - latencies.size(), emails,
                Stats.percentile(latencies, 50), Stats.percentile(latencies, 95), Stats.percentile(latencies, 99),
                latencies.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        double bar = 2000 + GROUP_WAIT.toMillis();
        boolean pass = latencies.size() == samples && emails == samples && Stats.percentile(latencies, 99) < bar;
        System.out.printf("bar: p99 < 2 s + groupWait (%.0f ms), every sample emailed exactly once → %s%n", bar,
                pass ? "PASS" : "FAIL");
    }

    /**
     * Registry entries and one progress report each; none of them stalls before the ticks. Alerts
     * are dated by event time: a commitment starting a day before its first report would stall at
     * its start + 1 day as soon as any later report moved the stream time past it, before the ticks.
     */
    private static void writeInput(KafkaSettings kafka, int samples) {
        try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(kafka)) {
            for (int k = 0; k < samples; k++) {
                Commitment c = Commitments.of("C-" + k, BenchKafka.agency(k), BenchKafka.sector(k)).plan("BENCH-PLAN")
                        .runs(LocalDate.ofInstant(D0, java.time.ZoneOffset.UTC), LocalDate.of(2030, 1, 1))
                        .milestone(new Milestone("m1", "Only", 1.0, null)).build();
                producer.send(new ProducerRecord<>(kafka.topics().commitments.name(), null,
                        D0.minus(Duration.ofDays(2)).toEpochMilli(), c.id(), Json.write(c)));
            }
            producer.flush();
            for (int k = 0; k < samples; k++) {
                Instant at = D0.plus(Duration.ofMinutes(k));
                ProgressUpdate u = ProgressUpdates.agency("agency:" + BenchKafka.agency(k)).id("stall-" + k)
                        .commitment("C-" + k).milestone("m1").percent(10.0).at(at).build();
                producer.send(new ProducerRecord<>(kafka.topics().progress.name(), null, at.toEpochMilli(), u.commitmentId(),
                        Json.write(u)));
            }
            producer.flush();
        }
    }

    private static void watchInbox(GreenMail smtp, Map<String, Long> arrived, AtomicBoolean stop) {
        int seen = 0;
        while (!stop.get()) {
            MimeMessage[] messages = smtp.getReceivedMessages();
            long now = System.nanoTime();
            for (int i = seen; i < messages.length; i++) {
                try {
                    for (Address to : messages[i].getAllRecipients()) {
                        arrived.putIfAbsent(to.toString(), now);
                    }
                } catch (Exception e) {
                    System.err.println("cannot read an email: " + e);
                }
            }
            seen = messages.length;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
