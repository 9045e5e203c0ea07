package org.vigia.reliability.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every committed record of a topic, from the beginning to the end it had when the read
 * began, read with {@code isolation.level=read_committed}: what a consumer of the contract
 * sees, with aborted transactions left out. For comparisons, per key in offset order.
 */
public final class TopicSnapshot {
    private TopicSnapshot() {
    }

    /** Calls {@code each} for every committed record, partition by partition, in offset order. */
    public static void forEach(String bootstrap, String topic, BiConsumer<TopicPartition, ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> props = Map.of(
                "bootstrap.servers", bootstrap,
                "isolation.level", "read_committed",
                "enable.auto.commit", "false",
                "max.poll.records", "2000",
                "fetch.max.bytes", String.valueOf(64 * 1024 * 1024));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < end.get(tp)) {
                        each.accept(tp, r);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took more than 3 minutes");
                }
            }
        }
    }

    /** Every committed record, as raw records. */
    public static List<ConsumerRecord<byte[], byte[]>> all(String bootstrap, String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        forEach(bootstrap, topic, (tp, r) -> out.add(r));
        return out;
    }

    /**
     * Values per key (key as UTF-8), in offset order; a null value (tombstone) is kept as
     * {@code null}. {@code decode} turns the value bytes into what is compared.
     */
    public static <V> Map<String, List<V>> byKey(String bootstrap, String topic, Function<byte[], V> decode) {
        Map<String, List<V>> out = new LinkedHashMap<>();
        forEach(bootstrap, topic, (tp, r) -> {
            String key = r.key() == null ? "" : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(r.value() == null ? null : decode.apply(r.value()));
        });
        return out;
    }
}
