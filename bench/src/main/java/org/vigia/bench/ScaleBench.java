package org.vigia.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.events.Commitment;
import org.vigia.events.Json;
import org.vigia.events.Milestone;
import org.vigia.events.Origin;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.Tick;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;

/**
 * The scale bar: a plan of 1,000,000 commitments and 10,000,000 updates replayed through one
 * stream processor running as its own process with a 1 GiB heap ({@code -Xmx1g}), RocksDB
 * bounded off-heap. Reports the replay time, the processor's peak heap (sampled from its own
 * {@code /metrics}), the size of its state on disk, and what each tick round cost: how many
 * commitments it judged and for how long — proportional to what came due, not to all of them.
 *
 * <p>The data: every commitment runs 2014-01-01 → 2015-12-31 with two milestones; commitment
 * {@code c} reports on days {@code c % 73 + 73k} (k = 0…9), every 73 days, climbing 10 points a
 * time; one in seven skips two reports (a 219-day gap: a stall, critical, then resumed); the last
 * report carries evidence for four in five (completed), the rest stay at 100 % without it. The
 * registry, then the updates in event-time order, then a daily tick to every clock partition, are
 * all written before the processor starts, as a reprocessing from scratch would find them.
 */
final class ScaleBench {
    private static final LocalDate START = LocalDate.parse("2014-01-01");
    private static final int DAYS = 730;
    private static final int REPORTS = 10;

    private ScaleBench() {
    }

    static void run(String bootstrap, int commitments, int updates) throws Exception {
        int perCommitment = Math.max(1, Math.min(REPORTS, updates / commitments));
        String prefix = "bench-scale-" + System.currentTimeMillis() + ".";
        Map<String, String> vars = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "VIGIA_TOPIC_PREFIX", prefix, "VIGIA_PARTITIONS", "6"));
        KafkaSettings kafka = KafkaSettings.from(new Env(vars));
        BenchKafka.createTopics(kafka, kafka.topics().all());
        long t = System.nanoTime();
        long written = write(kafka, commitments, perCommitment);
        System.out.printf("wrote %,d commitments, %,d updates and the ticks in %.0f s%n", commitments, written,
                (System.nanoTime() - t) / 1e9);

        Path state = Files.createTempDirectory("bench-scale-state");
        int port = freePort();
        String appId = "bench-scale-" + System.currentTimeMillis();
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx1g", "-XX:+UseG1GC", "-jar", processorJar().toString());
        pb.environment().putAll(vars);
        pb.environment().putAll(Map.of("VIGIA_APPLICATION_ID", appId, "VIGIA_STATE_DIR", state.toString(),
                "VIGIA_HTTP_HOST", "127.0.0.1", "VIGIA_HTTP_PORT", String.valueOf(port), "VIGIA_GRACE", "1d",
                "VIGIA_LOG_LEVEL", "WARN"));
        pb.redirectErrorStream(true).redirectOutput(state.resolveSibling(state.getFileName() + ".log").toFile());
        long started = System.nanoTime();
        Process processor = pb.start();
        try {
            Sampler sampler = new Sampler(port);
            BenchKafka.Progress p;
            long deadline = started + Duration.ofHours(2).toNanos();
            do {
                sampler.sample();
                p = BenchKafka.awaitCaughtUp(kafka, appId, kafka.topics().progress.name(), Duration.ofSeconds(30),
                        System.nanoTime());
                if (!processor.isAlive()) {
                    throw new IllegalStateException("the processor died (exit " + processor.exitValue() + "); see "
                            + state.resolveSibling(state.getFileName() + ".log"));
                }
                System.out.printf("  %,d / %,d updates after %.0f s; heap %,d MiB; state %,d MiB%n", p.committed(),
                        p.total(), (System.nanoTime() - started) / 1e9, sampler.lastHeap >> 20, size(state) >> 20);
            } while (!p.complete() && System.nanoTime() < deadline);
            sampler.awaitRollups(commitments, deadline);
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.sample();
            System.out.println();
            System.out.printf("replay of %,d commitments and %,d updates: %.0f s (%,.0f updates/s, start-up and"
                    + " registry included)%n", commitments, written, seconds, written / seconds);
            System.out.printf("processor heap: peak %,d MiB used of -Xmx1g (bar: ≤ 1 GiB), sampled every ~30 s%n",
                    sampler.peakHeap >> 20);
            System.out.printf("RocksDB state on disk: %,d MiB%n", size(state) >> 20);
            sampler.printTicks();
        } finally {
            processor.destroy();
            processor.waitFor();
            BenchKafka.deleteQuietly(state);
        }
    }

    /** Registry, then updates in event-time order, then the ticks; returns the updates written. */
    private static long write(KafkaSettings kafka, int commitments, int perCommitment) {
        long updates = 0;
        try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(kafka)) {
            Instant before = START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusSeconds(60);
            for (int c = 0; c < commitments; c++) {
                producer.send(new ProducerRecord<>(kafka.topics().commitments.name(), null, before.toEpochMilli(),
                        "S-" + c, Json.write(commitment(c))));
            }
            for (int day = 0; day < DAYS; day++) {
                int k = day / 73;
                if (k >= perCommitment) {
                    continue;
                }
                for (int c = day % 73; c < commitments; c += 73) {
                    if (c % 7 == 0 && (k == 3 || k == 4)) {
                        continue;
                    }
                    ProgressUpdate u = update(c, k, day, perCommitment);
                    producer.send(new ProducerRecord<>(kafka.topics().progress.name(), null,
                            u.reportedAt().toEpochMilli(), u.commitmentId(), Json.write(u)));
                    updates++;
                }
            }
            int partitions = kafka.partitions();
            for (int day = 1; day <= DAYS + 7; day++) {
                Instant at = START.plusDays(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                for (int p = 0; p < partitions; p++) {
                    producer.send(new ProducerRecord<>(kafka.topics().clock.name(), p, at.toEpochMilli(), "tick-" + p,
                            Json.write(new Tick(at))));
                }
            }
            producer.flush();
        }
        return updates;
    }

    private static Commitment commitment(int c) {
        return new Commitment("S-" + c, "SCALE-" + (c % 50), "MX", "Scale commitment " + c, "AG" + (c % 20),
                "sector-" + (c % 8), null, Origin.CO_CREATED, START, START.plusDays(DAYS - 1), null,
                List.of(new Milestone("m1", "First", 1.0, null), new Milestone("m2", "Second", 1.0, null)), null);
    }

    private static ProgressUpdate update(int c, int k, int day, int perCommitment) {
        boolean last = k == perCommitment - 1;
        double percent = last ? 100 : Math.min(100, 10.0 * (k + 1));
        Instant at = START.plusDays(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                .plusSeconds(c / 73 % 86_000);
        return ProgressUpdates.agency("AG" + (c % 20)).id("s-" + c + "-" + k).commitment("S-" + c).percent(percent).at(at)
                .evidence(last && c % 5 != 0 ? "https://evidence.example/" + c : null).build();
    }

    /** Reads the processor's own metrics: heap in use, and how long tick rounds took for how many commitments. */
    private static final class Sampler {
        private final HttpClient http = HttpClient.newHttpClient();
        private final int port;
        long peakHeap;
        long lastHeap;
        double dueSeconds;
        double dueCount;
        double dueCommitments;

        Sampler(int port) {
            this.port = port;
        }

        void sample() {
            try {
                String body = get("/metrics");
                long heap = 0;
                for (String line : body.split("\n")) {
                    if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                        heap += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    } else if (line.startsWith("vigia_processor_due_judgement_seconds_sum")) {
                        dueSeconds = value(line);
                    } else if (line.startsWith("vigia_processor_due_judgement_seconds_count")) {
                        dueCount = value(line);
                    } else if (line.startsWith("vigia_processor_due_commitments_total")) {
                        dueCommitments = value(line);
                    }
                }
                lastHeap = heap;
                peakHeap = Math.max(peakHeap, heap);
            } catch (IOException | RuntimeException e) {
                // not up yet
            }
        }

        void awaitRollups(int commitments, long deadline) throws Exception {
            while (System.nanoTime() < deadline) {
                try {
                    List<?> sectors = Json.wire().readValue(get("/api/v1/sectors"), List.class);
                    long n = sectors.stream().mapToLong(s -> ((Number) ((Map<?, ?>) s).get("commitments")).longValue())
                            .sum();
                    if (n == commitments) {
                        return;
                    }
                } catch (IOException | RuntimeException e) {
                    // starting or rebalancing
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the roll-ups never counted all " + commitments + " commitments");
        }

        void printTicks() {
            System.out.printf("tick rounds that judged something due: %,.0f; commitments judged: %,.0f"
                            + " (%.0f a round on average); processing time %.2f ms a round, %.1f µs a commitment%n",
                    dueCount, dueCommitments, dueCommitments / Math.max(1, dueCount),
                    dueSeconds * 1000 / Math.max(1, dueCount), dueSeconds * 1e6 / Math.max(1, dueCommitments));
        }

        private static double value(String line) {
            return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }

        private String get(String path) throws IOException {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IOException(path + " answered " + r.statusCode());
                }
                return r.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    static Path processorJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("stream-processor/target"))) {
            return files.filter(f -> f.getFileName().toString().matches("vigia-stream-processor-.*-all\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no stream-processor/target/vigia-stream-processor-*-all.jar: run bench/run.sh from the repo"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static long size(Path dir) {
        List<Long> sizes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    sizes.add(Files.size(f));
                } catch (IOException e) {
                    // a file RocksDB just compacted away
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
        return sizes.stream().mapToLong(Long::longValue).sum();
    }
}
