package org.vigia.alerts.log;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a compacted state topic from the beginning to its current end, without a consumer group. */
public final class CompactedTopicReader {
    private CompactedTopicReader() {
    }

    /**
     * Hands every record (key, value; value {@code null} for a tombstone) to {@code sink}, in
     * offset order per partition, and returns once the end offsets seen at the start are reached.
     */
    public static void readAll(Map<String, Object> clientProps, String topic, BiConsumer<String, byte[]> sink) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.remove("group.id");
        props.put("enable.auto.commit", "false");
        props.put("isolation.level", "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(60)) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    sink.accept(record.key(), record.value());
                }
            }
        }
    }
}
