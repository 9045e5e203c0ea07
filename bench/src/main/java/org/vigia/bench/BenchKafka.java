package org.vigia.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vigia.events.Commitment;
import org.vigia.events.Json;
import org.vigia.events.Milestone;
import org.vigia.events.Origin;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;
import org.vigia.kit.KafkaSettings;

/** Data generation and progress measurement shared by the benchmarks. */
final class BenchKafka {
    static final Instant START = Instant.parse("2014-01-01T00:00:00Z");
    private static final String[] SECTORS = {"justice-security", "infrastructure", "economy", "social", "public-services"};
    private static final String[] AGENCIES = {"PGR", "SCT", "SE", "SEDESOL", "SFP", "COFEMER"};

    private BenchKafka() {
    }

    static Commitment commitment(int i) {
        return new Commitment("C-" + i, "BENCH-PLAN", "MX", "Commitment " + i, AGENCIES[i % AGENCIES.length],
                SECTORS[i % SECTORS.length], null, Origin.CO_CREATED, LocalDate.of(2014, 1, 1), LocalDate.of(2016, 1, 1),
                null, List.of(new Milestone("m1", "First", 1.0, null), new Milestone("m2", "Second", 2.0, null)), null);
    }

    /** The i-th update: keys spread over {@code keys} commitments, percent creeping up, one minute apart. */
    static ProgressUpdate update(int i, int keys) {
        int c = i % keys;
        double percent = Math.min(100, (i / keys) % 100);
        return new ProgressUpdate("u-" + i, "C-" + c, (i & 1) == 0 ? "m1" : "m2", percent, null, Source.AGENCY,
                "agency:" + AGENCIES[c % AGENCIES.length], START.plus(Duration.ofMinutes(i / 10)), null, null);
    }

    static void writeRegistry(KafkaSettings kafka, int keys) {
        try (var producer = producer(kafka)) {
            for (int i = 0; i < keys; i++) {
                producer.send(new ProducerRecord<>(kafka.topics().commitments.name(), null, START.toEpochMilli() - 1,
                        "C-" + i, Json.write(commitment(i))));
            }
            producer.flush();
        }
    }

    static void writeUpdates(KafkaSettings kafka, int count, int keys) {
        try (var producer = producer(kafka)) {
            for (int i = 0; i < count; i++) {
                ProgressUpdate u = update(i, keys);
                producer.send(new ProducerRecord<>(kafka.topics().progress.name(), null, u.reportedAt().toEpochMilli(),
                        u.commitmentId(), Json.write(u)));
            }
            producer.flush();
        }
    }

    static KafkaProducer<String, byte[]> producer(KafkaSettings kafka) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put("acks", "all");
        props.put("linger.ms", "5");
        props.put("batch.size", String.valueOf(256 * 1024));
        props.put("enable.idempotence", "true");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Waits until the consumer group has committed every offset of {@code topic}; returns when it did. */
    static Instant awaitCaughtUp(KafkaSettings kafka, String group, String topic, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean done = ends.entrySet().stream().allMatch(e -> {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    return e.getValue().offset() == 0 || (c != null && c.offset() >= e.getValue().offset());
                });
                if (done) {
                    return Instant.now();
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException(group + " did not catch up on " + topic + " within " + timeout);
    }
}
