package org.vigia.reliability.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether a consumer group has read everything: for every partition it has committed an
 * offset on, the committed offset is past the last committed record. (Transactional topics end
 * with a commit marker, which a consumer that commits "last record + 1" never passes, so the
 * end offset alone would leave it one short for ever.)
 */
public final class GroupProgress {
    private GroupProgress() {
    }

    /** Partitions of the group that still have records to read, with how many offsets remain; empty = caught up. */
    public static Map<TopicPartition, Long> behind(String bootstrap, String group, List<String> mustInclude) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>(committed.keySet());
            for (String topic : mustInclude) {
                var desc = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
                desc.partitions().forEach(p -> {
                    TopicPartition tp = new TopicPartition(topic, p.partition());
                    if (!partitions.contains(tp)) {
                        partitions.add(tp);
                    }
                });
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> behind = new HashMap<>();
            List<TopicPartition> suspicious = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                long end = ends.get(tp).offset();
                OffsetAndMetadata c = committed.get(tp);
                long at = c == null ? 0 : c.offset();
                if (at < end) {
                    suspicious.add(tp);
                }
            }
            if (!suspicious.isEmpty()) {
                Map<TopicPartition, Long> last = lastRecordOffsets(bootstrap, suspicious, ends);
                for (TopicPartition tp : suspicious) {
                    OffsetAndMetadata c = committed.get(tp);
                    long at = c == null ? 0 : c.offset();
                    Long lastRecord = last.get(tp);
                    if (lastRecord != null && at <= lastRecord) {
                        behind.put(tp, ends.get(tp).offset() - at);
                    }
                }
            }
            return behind;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of group " + group + ": " + e.getMessage(), e);
        }
    }

    /** The offset of the last committed record of each partition (null for a partition with none). */
    private static Map<TopicPartition, Long> lastRecordOffsets(String bootstrap, List<TopicPartition> partitions,
                                                               Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends) {
        Map<TopicPartition, Long> last = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "isolation.level", "read_committed", "enable.auto.commit", "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (TopicPartition tp : partitions) {
                long end = ends.get(tp).offset();
                for (long window = 64; ; window *= 8) {
                    long from = Math.max(0, end - window);
                    consumer.assign(List.of(tp));
                    consumer.seek(tp, from);
                    Long max = null;
                    while (consumer.position(tp) < end) {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                            if (r.offset() < end) {
                                max = r.offset();
                            }
                        }
                    }
                    if (max != null || from == 0) {
                        if (max != null) {
                            last.put(tp, max);
                        }
                        break;
                    }
                }
            }
        }
        return last;
    }
}
