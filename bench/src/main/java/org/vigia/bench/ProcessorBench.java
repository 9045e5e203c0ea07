package org.vigia.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
    private ProcessorBench() {
    }

    static void run(String bootstrap, int updates, int keys, int rounds) throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        vars.put("VIGIA_TOPIC_PREFIX", "bench-" + System.currentTimeMillis() + ".");
        vars.put("VIGIA_PARTITIONS", "6");
        Env env = new Env(vars);
        KafkaSettings kafka = KafkaSettings.from(env);
        org.vigia.kit.TopicCreator.ensure(kafka, kafka.topics().all());
        org.vigia.kit.TopicCreator.ensure(kafka, List.of(new org.vigia.events.Topic<>(kafka.topics().prefix + "bench-bare-out",
                Serdes.String(), Serdes.Double(), Map.of())));
        System.out.printf("writing %,d commitments and %,d updates…%n", keys, updates);
        BenchKafka.writeRegistry(kafka, keys);
        BenchKafka.writeUpdates(kafka, updates, keys);

        List<Double> bare = new ArrayList<>();
        List<Double> vigia = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            bare.add(bare(kafka, updates, "bench-bare-" + round));
            vigia.add(vigia(env, kafka, updates, "bench-vigia-" + round));
            System.out.printf("round %d: bare %,.0f rec/s, vigia %,.0f rec/s%n", round, bare.get(round - 1),
                    vigia.get(round - 1));
        }
        System.out.println();
        System.out.println(Stats.row("bare groupByKey().aggregate() EOS v2", bare, "rec/s"));
        System.out.println(Stats.row("Vigía stream-processor (EOS v2)", vigia, "rec/s"));
        System.out.println(Stats.ratioRow("ratio Vigía / bare (bar: ≥ 0.70)", Stats.ratios(vigia, bare)));
    }

    private static double bare(KafkaSettings kafka, int updates, String appId) throws Exception {
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
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-bare").toString());
        props.put("auto.offset.reset", "earliest");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            awaitRunning(streams);
            Instant t0 = Instant.now();
            Instant t1 = BenchKafka.awaitCaughtUp(kafka, appId, kafka.topics().progress.name(), Duration.ofMinutes(10));
            return updates / (Duration.between(t0, t1).toNanos() / 1e9);
        }
    }

    private static double vigia(Env env, KafkaSettings kafka, int updates, String appId) throws Exception {
        Path state = Files.createTempDirectory("bench-vigia");
        ProcessorService service = new ProcessorService(ProcessorSettings.from(env.with(Map.of(
                "VIGIA_APPLICATION_ID", appId, "VIGIA_STATE_DIR", state.toString(), "VIGIA_HTTP_PORT", "0"))));
        try {
            service.start();
            Instant t0 = Instant.now();
            Instant t1 = BenchKafka.awaitCaughtUp(kafka, appId, kafka.topics().progress.name(), Duration.ofMinutes(10));
            return updates / (Duration.between(t0, t1).toNanos() / 1e9);
        } finally {
            service.close();
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
