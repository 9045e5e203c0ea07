package org.vigia.reliability.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.vigia.events.Topic;

/**
 * Per partition of a topic, the offset of the last committed record the processor's judge will
 * read: what a tick written now names as the record it follows ({@code afterProgress},
 * {@code afterCommitments}), as ingest's replay does for its own records. Records the judge never
 * sees do not count: ones that break the wire contract (poison pills go to the dead-letter topic
 * before the judge) and, where the judge drops them, tombstones. Read with a read_committed
 * consumer from a little before the end of each partition, further back while nothing there counts.
 */
final class LastRecords implements AutoCloseable {
    private static final int FIRST_WINDOW = 64;

    private final KafkaConsumer<byte[], byte[]> consumer;

    LastRecords(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        props.put("isolation.level", "read_committed");
        props.put("enable.auto.commit", "false");
        props.put("request.timeout.ms", "10000");
        props.put("default.api.timeout.ms", "15000");
        props.put("fetch.max.wait.ms", "20");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The last counting offset of each of the topic's {@code partitions} partitions, -1 where
     * none; throws Kafka's {@link TimeoutException} if the partitions cannot be read by {@code deadline}.
     */
    long[] of(Topic<String, ?> topic, int partitions, boolean tombstonesCount, Instant deadline) {
        long[] last = new long[partitions];
        Arrays.fill(last, -1);
        List<TopicPartition> parts = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic.name(), p)).toList();
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts);
        Map<TopicPartition, Long> end = consumer.endOffsets(parts);
        List<TopicPartition> unknown = parts;
        for (long window = FIRST_WINDOW; !unknown.isEmpty(); window *= 8) {
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition tp : unknown) {
                from.put(tp, Math.max(begin.get(tp), end.get(tp) - window));
            }
            readBetween(topic, from, end, tombstonesCount, last, deadline);
            unknown = unknown.stream().filter(tp -> last[tp.partition()] < 0 && from.get(tp) > begin.get(tp)).toList();
        }
        return last;
    }

    /** Reads every partition of {@code from} from there to its end, all at once, keeping the last counting offsets. */
    private void readBetween(Topic<String, ?> topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> end,
                             boolean tombstonesCount, long[] last, Instant deadline) {
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        while (from.keySet().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("could not read " + from.keySet() + " up to " + end + " by " + deadline);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < end.get(tp) && counts(topic, r, tombstonesCount)) {
                    last[r.partition()] = Math.max(last[r.partition()], r.offset());
                }
            }
        }
    }

    private static boolean counts(Topic<String, ?> topic, ConsumerRecord<byte[], byte[]> r, boolean tombstonesCount) {
        if (r.value() == null) {
            return tombstonesCount;
        }
        try {
            topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
            return true;
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
