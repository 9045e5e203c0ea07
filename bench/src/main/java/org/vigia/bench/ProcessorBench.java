package org.vigia.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.vigia.events.Json;
import org.vigia.events.JsonSerde;
import org.vigia.events.ProgressUpdate;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.processor.ProcessorService;
import org.vigia.processor.ProcessorSettings;

/**
 * The processor's throughput bar: at least 70 % of a bare Kafka Streams
 * {@code groupByKey().aggregate()} with exactly_once_v2 on the same broker and the same records
 * (JSON ProgressUpdates keyed by commitment id over 10,000 commitments).
 *
 * <p>Fair by construction: both sides read the same topic from the start and process every
 * record to the end; Vigía's clock starts once it has consumed the registry (the bare side has
 * none to read) and stops only once its roll-ups — the last of its sub-topologies — show the
 * exact totals the input implies, which the bench computes independently. Rounds alternate
 * which side runs first; each reports its rate and the CPU-seconds its own threads spent per
 * 1,000 records, and those of RocksDB's background threads (flushes and compactions, native
 * threads the JVM does not see; one pool per process, and the sides run one after the other).
 */
final class ProcessorBench {
    /** How long a side may take to read {@code records}: ten minutes, or their time at 1,000 a second if longer. */
    private static Duration cap(long records) {
        Duration atSlowest = Duration.ofSeconds(records / 1_000);
        return atSlowest.compareTo(Duration.ofMinutes(10)) > 0 ? atSlowest : Duration.ofMinutes(10);
    }

    private ProcessorBench() {
    }

    /** Rate, and CPU-seconds per 1,000 records of the app's own threads and of RocksDB's background threads. */
    record Side(double rate, double cpuPerThousand, double rocksDbPerThousand) {
    }

    static void run(String bootstrap, int updates, int keys, int rounds) throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        vars.put("VIGIA_TOPIC_PREFIX", "bench-" + System.currentTimeMillis() + ".");
        vars.put("VIGIA_PARTITIONS", "6");
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("VIGIA_")) {
                vars.putIfAbsent(k, v); // e.g. VIGIA_COMMIT_INTERVAL reaches both sides
            }
        });
        Env env = new Env(vars);
        KafkaSettings kafka = KafkaSettings.from(env);
        BenchKafka.createTopics(kafka, kafka.topics().all());
        BenchKafka.createTopics(kafka, List.<org.vigia.events.Topic<?, ?>>of(new org.vigia.events.Topic<>(
                kafka.topics().prefix + "bench-bare-out", Serdes.String(), Serdes.Double(), Map.of())));
        System.out.printf("writing %,d commitments and %,d updates…%n", keys, updates);
        BenchKafka.writeRegistry(kafka, keys);
        BenchKafka.writeUpdates(kafka, updates, keys);
        Map<String, long[]> expected = BenchKafka.expectedSectors(updates, keys);

        Duration commitInterval = ProcessorSettings.from(env).commitInterval();
        System.out.printf("both apps: exactly_once_v2, commit.interval.ms=%d, %d partitions, 1 stream thread%n",
                commitInterval.toMillis(), kafka.partitions());

        List<Side> bare = new ArrayList<>();
        List<Side> vigia = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Alternate which runs first, so warm-up, page cache and drift do not favour one side.
            Side b;
            Side v;
            if (round % 2 == 1) {
                b = bare(kafka, "bench-bare-" + round, commitInterval, updates);
                v = vigia(env, kafka, updates, keys, expected, "bench-vigia-" + round);
            } else {
                v = vigia(env, kafka, updates, keys, expected, "bench-vigia-" + round);
                b = bare(kafka, "bench-bare-" + round, commitInterval, updates);
            }
            bare.add(b);
            vigia.add(v);
            System.out.printf("round %d (%s first): bare %,.0f rec/s, vigia %,.0f rec/s, ratio %.2f;"
                            + " CPU-s per 1,000 records: bare %.3f, vigia %.3f; RocksDB background: bare %.3f,"
                            + " vigia %.3f%n", round,
                    round % 2 == 1 ? "bare" : "vigia", b.rate(), v.rate(), v.rate() / b.rate(), b.cpuPerThousand(),
                    v.cpuPerThousand(), b.rocksDbPerThousand(), v.rocksDbPerThousand());
        }
        List<Double> bareRates = bare.stream().map(Side::rate).toList();
        List<Double> vigiaRates = vigia.stream().map(Side::rate).toList();
        System.out.println();
        System.out.println(Stats.row("bare groupByKey().aggregate() EOS v2", bareRates, "rec/s"));
        System.out.println(Stats.row("Vigía stream-processor (EOS v2)", vigiaRates, "rec/s"));
        System.out.printf("%-44s median %.3f bare, %.3f Vigía%n", "CPU-seconds of the app's threads per 1,000",
                Stats.median(bare.stream().map(Side::cpuPerThousand).toList()),
                Stats.median(vigia.stream().map(Side::cpuPerThousand).toList()));
        System.out.printf("%-44s median %.3f bare, %.3f Vigía%n", "CPU-s of RocksDB's background threads per 1,000",
                Stats.median(bare.stream().map(Side::rocksDbPerThousand).toList()),
                Stats.median(vigia.stream().map(Side::rocksDbPerThousand).toList()));
        System.out.println(Stats.ratioRow("ratio Vigía / bare (bar: ≥ 0.70)", Stats.ratios(vigiaRates, bareRates)));
        System.out.println("per-round ratios: " + Stats.list(Stats.ratios(vigiaRates, bareRates)));
    }

    private static Side bare(KafkaSettings kafka, String appId, Duration commitInterval, int updates) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<ProgressUpdate> serde = new JsonSerde<>(ProgressUpdate.class);
        builder.stream(kafka.topics().progress.name(), Consumed.with(Serdes.String(), serde))
                .groupByKey()
                .aggregate(() -> 0.0, (k, u, agg) -> Math.max(agg, u.effectivePercent()),
                        Materialized.<String, Double, org.apache.kafka.streams.state.KeyValueStore<
                                org.apache.kafka.common.utils.Bytes, byte[]>>as("bare-aggregate")
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Double()))
                .toStream()
                .to(kafka.topics().prefix + "bench-bare-out", Produced.with(Serdes.String(), Serdes.Double()));
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        Path state = Files.createTempDirectory("bench-bare");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put("auto.offset.reset", "earliest");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            awaitRunning(streams);
            long t0 = System.nanoTime();
            double cpu0 = cpuSeconds(appId);
            double rocks0 = RocksDbThreads.cpuSeconds();
            BenchKafka.Progress p = BenchKafka.awaitCaughtUp(kafka, appId, kafka.topics().progress.name(), cap(updates), t0);
            double cpu = cpuSeconds(appId) - cpu0;
            double rocks = RocksDbThreads.cpuSeconds() - rocks0;
            System.out.printf("  bare : %,d records in %.1f s = %,.0f rec/s%n", p.committed(), p.seconds(), p.rate());
            return new Side(p.rate(), cpu / (p.committed() / 1000.0), rocks / (p.committed() / 1000.0));
        } finally {
            BenchKafka.deleteQuietly(state);
        }
    }

    private static Side vigia(Env env, KafkaSettings kafka, int updates, int keys, Map<String, long[]> expected,
                              String appId) throws Exception {
        Path state = Files.createTempDirectory("bench-vigia");
        ProcessorService service = new ProcessorService(ProcessorSettings.from(env.with(Map.of(
                "VIGIA_APPLICATION_ID", appId, "VIGIA_STATE_DIR", state.toString(), "VIGIA_HTTP_HOST", "127.0.0.1",
                "VIGIA_HTTP_PORT", "0", "VIGIA_STREAM_THREADS", "1"))));
        try {
            service.start(); // returns once Kafka Streams is RUNNING
            BenchKafka.awaitCaughtUp(kafka, appId, kafka.topics().commitments.name(), cap(keys));
            long t0 = System.nanoTime();
            double cpu0 = cpuSeconds(appId);
            double rocks0 = RocksDbThreads.cpuSeconds();
            long before = BenchKafka.committed(kafka, appId, kafka.topics().progress.name());
            BenchKafka.awaitCaughtUp(kafka, appId, kafka.topics().progress.name(), cap(updates));
            awaitRollups(service.httpPort(), expected, t0, cap(updates));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds(appId) - cpu0;
            double rocks = RocksDbThreads.cpuSeconds() - rocks0;
            long processed = updates - before;
            System.out.printf("  vigia: %,d records in %.1f s = %,.0f rec/s (registry of %,d read before the clock)%n",
                    processed, seconds, processed / seconds, keys);
            return new Side(processed / seconds, cpu / (processed / 1000.0), rocks / (processed / 1000.0));
        } finally {
            service.close();
            BenchKafka.deleteQuietly(state);
        }
    }

    /** Waits until every sector's roll-up shows the totals the input implies; the last sub-topology is then done. */
    private static void awaitRollups(int port, Map<String, long[]> expected, long t0, Duration cap) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/sectors?plan=BENCH-PLAN");
        String last = "";
        while (System.nanoTime() - t0 < cap.toNanos()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                last = r.body();
                if (matches(Json.wire().readValue(r.body(), List.class), expected)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Vigía's roll-ups never reached the expected totals " + describe(expected)
                + "; last answer " + last);
    }

    private static boolean matches(List<?> sectors, Map<String, long[]> expected) {
        if (sectors.size() != expected.size()) {
            return false;
        }
        for (Object o : sectors) {
            Map<?, ?> s = (Map<?, ?>) o;
            long[] want = expected.get(String.valueOf(s.get("sector")));
            if (want == null || ((Number) s.get("commitments")).longValue() != want[0]
                    || Math.round(((Number) s.get("meanCompletion")).doubleValue() * 10) != want[1]) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Map<String, long[]> expected) {
        StringBuilder sb = new StringBuilder();
        expected.forEach((k, v) -> sb.append(k).append('=').append(v[0]).append('/').append(v[1] / 10.0).append(' '));
        return sb.toString();
    }

    /** CPU time of every live thread that belongs to the app (stream thread, its producer and consumer). */
    private static double cpuSeconds(String appId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(appId)) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos / 1e9;
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bare Streams app not RUNNING: " + streams.state());
            }
            Thread.sleep(20);
        }
    }
}
