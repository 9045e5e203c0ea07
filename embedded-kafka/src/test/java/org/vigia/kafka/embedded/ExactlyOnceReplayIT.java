package org.vigia.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly-once output of a bare Kafka Streams app on the embedded broker, at Kafka's default
 * transaction protocol (transaction.version=2), fed the way Vigía's replays feed the processor:
 * a transactional producer commits small transactions back to back, every record stamped with
 * its event time, years in the past.
 *
 * <p>Back to back, a transaction starts while the broker is still writing the previous one's
 * markers: the broker answers CONCURRENT_TRANSACTIONS, and a second batch to the same
 * partition that overtakes the retried first one is refused as out of order ("expected
 * sequence 0 for transactions v2 idempotent producer with no existing state"). The producer
 * retries both, in order; nothing is lost.
 *
 * <p>What did lose records was time-based retention. A commit marker is stamped with the wall
 * clock; a partition's first marker is therefore more than {@code log.roll.ms} (7 days) newer
 * than the 2014 records before it, starts a new segment, and leaves the first transaction's
 * records alone in a segment long past a 7-day retention, which the next retention check
 * deletes. This test's broker runs that check from its start and every half second instead of
 * every five minutes, so a run always spans many; its second test runs the same replay at Kafka's
 * stock 7-day retention and shows those records deleted, at transaction.version 1 and 2 alike.
 */
class ExactlyOnceReplayIT {
    private static final int PARTITIONS = 4;
    private static final int RECORDS = 1_200;
    private static final int RECORDS_PER_TRANSACTION = 10;
    private static final int KEYS = 40;
    private static final Instant EVENT_TIME = Instant.parse("2014-01-06T00:00:00Z");
    private static final String INPUT = "replay.updates";
    private static final String ECHOES = "replay.echoes";
    private static final String COUNTS = "replay.counts";
    private static final String APPLICATION_ID = "replay-exactly-once";
    private static final String COUNT_STORE = "update-counts";

    @TempDir
    Path dir;
    private EmbeddedKafkaBroker broker;
    private KafkaStreams streams;

    /**
     * Starts this test's broker, running retention checks from its start and every half second;
     * {@code settings} add to (or override) the embedded broker's own.
     */
    private void startBroker(Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("log.initial.task.delay.ms", "0");
        all.put("log.retention.check.interval.ms", "500");
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, all, true);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(INPUT, PARTITIONS, (short) 1),
                    new NewTopic(ECHOES, PARTITIONS, (short) 1), new NewTopic(COUNTS, PARTITIONS, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyReplayedUpdateGivesExactlyOneCommittedOutputOnTheDefaultTransactionProtocol() throws Exception {
        startBroker(Map.of());
        assertThat(transactionVersion()).as("finalized transaction.version").isEqualTo((short) 2);
        startStreams();

        List<String> ids = replay();

        await("every update echoed and counted, and still there after several retention checks")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).during(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    assertThat(notExactlyOnce(ids, values(INPUT, new StringDeserializer())))
                            .as("committed input").isEmpty();
                    assertThat(notExactlyOnce(ids, values(ECHOES, new StringDeserializer())))
                            .as("echoes: each update exactly once").isEmpty();
                    Map<String, List<Long>> counts = values(COUNTS, new LongDeserializer());
                    Map<String, List<Long>> changelog = values(APPLICATION_ID + "-" + COUNT_STORE + "-changelog",
                            new LongDeserializer());
                    for (String key : keys()) {
                        long n = RECORDS / KEYS;
                        assertThat(counts.get(key)).as("counts of %s: 1..%d, each once, in order", key, n)
                                .containsExactlyElementsOf(oneTo(n));
                        assertThat(changelog.get(key)).as("changelog of %s", key).isNotEmpty().last().isEqualTo(n);
                    }
                });
    }

    /**
     * The same replay on a broker with Kafka's stock retention (7 days): committed records of the
     * first transaction on each partition, input and output alike, are deleted by retention, at
     * the classic transaction protocol as at the default one, so the protocol is not the cause.
     * This is the loss the embedded broker's default ({@code log.retention.ms=-1}) prevents; if
     * this test fails, the explanation above no longer holds.
     */
    @ParameterizedTest(name = "transaction.version={0}")
    @ValueSource(shorts = {1, 2})
    void withKafkasDefaultSevenDayRetentionTheFirstTransactionOfEveryPartitionIsDeleted(short transactionVersion)
            throws Exception {
        startBroker(Map.of("log.retention.ms", String.valueOf(Duration.ofDays(7).toMillis())));
        if (transactionVersion < 2) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.updateFeatures(Map.of("transaction.version", new FeatureUpdate(transactionVersion,
                        FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)), new UpdateFeaturesOptions()).all().get(30, TimeUnit.SECONDS);
            }
        }
        await("finalized transaction.version " + transactionVersion).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(transactionVersion()).isEqualTo(transactionVersion));
        startStreams();

        List<String> ids = replay();

        await("retention deletes the first segment of every input partition, and echoes go missing")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(earliestOffsets(INPUT).values()).as("log start offsets of %s", INPUT)
                            .hasSize(PARTITIONS).allSatisfy(offset -> assertThat(offset).isPositive());
                    assertThat(notExactlyOnce(ids, values(INPUT, new StringDeserializer())))
                            .as("committed input lost").isNotEmpty();
                    assertThat(notExactlyOnce(ids, values(ECHOES, new StringDeserializer())))
                            .as("echoes lost").isNotEmpty();
                });
    }

    private Map<TopicPartition, Long> earliestOffsets(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
            }
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        }
    }

    private void startStreams() throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        streams = new KafkaStreams(topology(), p);
        streams.start();
        await("Kafka Streams running").atMost(Duration.ofSeconds(60))
                .until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }

    /** A plain map and a stateful count over the same input, as a processor's output and its state. */
    private static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> updates = builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()));
        updates.mapValues(v -> v, Named.as("echo")).to(ECHOES, Produced.with(Serdes.String(), Serdes.String()));
        updates.groupByKey(Grouped.with("by-key", Serdes.String(), Serdes.String()))
                .count(Named.as("count"), Materialized.as(COUNT_STORE))
                .toStream().to(COUNTS, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    /** Writes the updates in small transactions, each committed before the next begins; returns their ids. */
    private List<String> replay() {
        List<String> ids = new ArrayList<>();
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(),
                "transactional.id", "replay-writer", "acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            for (int i = 0; i < RECORDS; ) {
                producer.beginTransaction();
                for (int j = 0; j < RECORDS_PER_TRANSACTION; j++, i++) {
                    String id = "update-" + i;
                    long eventTime = EVENT_TIME.plus(Duration.ofMinutes(7L * i)).toEpochMilli();
                    producer.send(new ProducerRecord<>(INPUT, null, eventTime, "k" + (i % KEYS), id));
                    ids.add(id);
                }
                producer.commitTransaction();
            }
        }
        return ids;
    }

    /** Every committed value of a topic, by key, in offset order. */
    private <V> Map<String, List<V>> values(String topic, Deserializer<V> valueDeserializer) {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(),
                "isolation.level", "read_committed", "enable.auto.commit", false);
        Map<String, List<V>> byKey = new TreeMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), valueDeserializer)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                }
            }
        }
        return byKey;
    }

    private short transactionVersion() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS)
                    .finalizedFeatures().get("transaction.version").maxVersionLevel();
        }
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add("k" + k);
        }
        return keys;
    }

    private static List<Long> oneTo(long n) {
        List<Long> counts = new ArrayList<>();
        for (long c = 1; c <= n; c++) {
            counts.add(c);
        }
        return counts;
    }

    /** What is wrong with {@code seen} against "each of {@code ids} exactly once": at most ten lines. */
    private static List<String> notExactlyOnce(List<String> ids, Map<String, List<String>> seen) {
        Map<String, Integer> times = new HashMap<>();
        seen.values().forEach(values -> values.forEach(v -> times.merge(v, 1, Integer::sum)));
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            int n = times.getOrDefault(id, 0);
            if (n != 1) {
                problems.add(id + " seen " + n + " times");
            }
        }
        return problems.size() <= 10 ? problems
                : List.of(problems.size() + " of " + ids.size() + " wrong, first: " + problems.subList(0, 10));
    }
}
