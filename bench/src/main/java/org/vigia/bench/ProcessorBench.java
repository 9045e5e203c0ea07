package org.vigia.bench;

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
 * Quality bar of DESIGN §9: the stream processor sustains at least 70 % of the throughput
 * of a bare Kafka Streams {@code groupByKey().aggregate()} with exactly_once_v2 on the same
 * broker and the same records (JSON ProgressUpdates keyed by commitment id). Each round
 * runs the yardstick and Vigía one after the other on the same input; the ratio is
 * taken per round.
 */
final class ProcessorBench {
    /** Longest a side may run in one round; see {@link #report}. */
    private static final Duration CAP = Duration.ofSeconds(45);

    private ProcessorBench() {
    }

    static void run(String bootstrap, int updates, int keys, int rounds) throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        vars.put("VIGIA_TOPIC_PREFIX", "bench-" + System.currentTimeMillis() + ".");
        vars.put("VIGIA_PARTITIONS", "6");
        // Other VIGIA_* variables of the environment reach the service (e.g. VIGIA_MAX_TASK_IDLE=0
        // to see what the task idling costs); the ones above are the bench's own.
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("VIGIA_")) {
                vars.putIfAbsent(k, v);
            }
        });
        Env env = new Env(vars);
        KafkaSettings kafka = KafkaSettings.from(env);
        BenchKafka.createTopics(kafka, kafka.topics().all());
        BenchKafka.createTopics(kafka, List.<org.vigia.events.Topic<?, ?>>of(new org.vigia.events.Topic<>(kafka.topics().prefix + "bench-bare-out",
                Serdes.String(), Serdes.Double(), Map.of())));
        System.out.printf("writing %,d commitments and %,d updates…%n", keys, updates);
        BenchKafka.writeRegistry(kafka, keys);
        BenchKafka.writeUpdates(kafka, updates, keys);

        Duration commitInterval = ProcessorSettings.from(env).commitInterval();
        System.out.printf("both apps: exactly_once_v2, commit.interval.ms=%d, %d partitions, %d stream thread(s)%n",
                commitInterval.toMillis(), kafka.partitions(), 1);

        List<Double> bare = new ArrayList<>();
        List<Double> vigia = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Alternate which runs first, so JIT warm-up, page cache and drift of the machine
            // do not always favour the same side.
            double b;
            double v;
            if (round % 2 == 1) {
                b = bare(kafka, updates, "bench-bare-" + round, commitInterval);
                v = vigia(env, kafka, updates, keys, "bench-vigia-" + round);
            } else {
                v = vigia(env, kafka, updates, keys, "bench-vigia-" + round);
                b = bare(kafka, updates, "bench-bare-" + round, commitInterval);
            }
            bare.add(b);
            vigia.add(v);
            System.out.printf("round %d (%s first): bare %,.0f rec/s, vigia %,.0f rec/s, ratio %.2f%n", round,
                    round % 2 == 1 ? "bare" : "vigia", b, v, v / b);
        }
        System.out.println();
        System.out.println(Stats.row("bare groupByKey().aggregate() EOS v2", bare, "rec/s"));
        System.out.println(Stats.row("Vigía stream-processor (EOS v2)", vigia, "rec/s"));
        System.out.println(Stats.ratioRow("ratio Vigía / bare (bar: ≥ 0.70)", Stats.ratios(vigia, bare)));
        System.out.println("per-round ratios: " + Stats.list(Stats.ratios(vigia, bare)));
    }

    private static double bare(KafkaSettings kafka, int updates, String appId, Duration commitInterval)
            throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<ProgressUpdate> serde = new JsonSerde<>(ProgressUpdate.class);
        builder.stream(kafka.topics().progress.name(), Consumed.with(Serdes.String(), serde))
                .groupByKey()
                .aggregate(() -> 0.0, (k, u, agg) -> Math.max(agg, u.effectivePercent()),
                        Materialized.<String, Double, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("bare-aggregate")
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Double()))
                .toStream()
                .to(kafka.topics().prefix + "bench-bare-out", Produced.with(Serdes.String(), Serdes.Double()));
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Same commit interval as the Vigía service (its VIGIA_COMMIT_INTERVAL), not the EOS default.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        Path state = Files.createTempDirectory("bench-bare");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put("auto.offset.reset", "earliest");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            awaitRunning(streams);
            return measure(kafka, appId, "bare ", System.nanoTime());
        } finally {
            BenchKafka.deleteQuietly(state);
        }
    }

    private static double vigia(Env env, KafkaSettings kafka, int updates, int keys, String appId) throws Exception {
        Path state = Files.createTempDirectory("bench-vigia");
        ProcessorService service = new ProcessorService(ProcessorSettings.from(env.with(Map.of(
                "VIGIA_APPLICATION_ID", appId, "VIGIA_STATE_DIR", state.toString(), "VIGIA_HTTP_HOST", "127.0.0.1",
                "VIGIA_HTTP_PORT", "0", "VIGIA_STREAM_THREADS", "1"))));
        try {
            service.start(); // returns once Kafka Streams is RUNNING
            long t0 = System.nanoTime();
            BenchKafka.Progress p = BenchKafka.awaitCaughtUp(kafka, appId, kafka.topics().progress.name(), CAP, t0);
            if (p.complete()) {
                verify(service.httpPort(), updates, keys);
            }
            return report("vigia", p);
        } finally {
            service.close();
            BenchKafka.deleteQuietly(state);
        }
    }

    private static double measure(KafkaSettings kafka, String appId, String side, long t0) throws Exception {
        return report(side, BenchKafka.awaitCaughtUp(kafka, appId, kafka.topics().progress.name(), CAP, t0));
    }

    /**
     * A side that has not consumed everything within {@link #CAP} is measured on what it
     * committed by then (its steady-state rate), so a slow side cannot make the run unbounded.
     */
    private static double report(String side, BenchKafka.Progress p) {
        System.out.printf("  %s: %,d records in %.1f s = %,.0f rec/s (second half of the run: %,.0f rec/s)%s%n", side,
                p.committed(), p.seconds(), p.rate(), p.secondHalfRate(),
                p.complete() ? "" : " — cap reached: rate of the part consumed");
        return p.rate();
    }

    /**
     * A throughput figure is worth nothing if the work was not done: the last update of the
     * input must show in the query API as its commitment's {@code lastUpdateAt}.
     */
    private static void verify(int port, int updates, int keys) throws Exception {
        ProgressUpdate last = BenchKafka.update(updates - 1, keys);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/commitments/" + last.commitmentId())).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<?, ?> view = r.statusCode() == 200 ? Json.wire().readValue(r.body(), Map.class) : Map.of();
        if (!last.reportedAt().toString().equals(String.valueOf(view.get("lastUpdateAt")))) {
            throw new IllegalStateException("Vigía did not process the input: " + last.commitmentId() + " answered "
                    + r.statusCode() + " " + r.body());
        }
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
