package org.vigia.ingest.news;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.vigia.events.NewsSignal;
import org.vigia.events.Topic;
import org.vigia.kit.KafkaSettings;

/**
 * The news items already written, so that a restart does not write them again.
 *
 * <p>At start the poller reads {@code vigia.news} itself, read_committed, from the
 * beginning to its end, and remembers every signal id (ids are a hash of the item's GUID
 * or link, so the same item always has the same id). No extra state topic is needed: the
 * topic that holds the signals is the record of what was written. What the topic no longer
 * holds (past its retention) the poller ignores anyway, because items older than
 * {@code maxItemAge} — kept within that retention — are skipped. Ids older than that are
 * forgotten in memory too.
 *
 * <p>Concurrent feeds carrying the same item {@link #claim} its id first; the claim is
 * {@link #release}d if the write fails, so the item is tried again on the next poll.
 */
public final class SeenNews {
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    public static SeenNews loadFrom(KafkaSettings kafka, Duration timeout) {
        SeenNews s = new SeenNews();
        Topic<String, NewsSignal> topic = kafka.topics().news;
        Map<String, Object> props = kafka.clientProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        continue;
                    }
                    try {
                        NewsSignal n = topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
                        s.seen.put(n.id(), n.publishedAt());
                    } catch (SerializationException e) {
                        // not ours to judge here; the processor dead-letters it
                    }
                }
            }
        }
        return s;
    }

    public boolean contains(String id) {
        return seen.containsKey(id);
    }

    /** True if this caller now owns the id (it was not seen before). */
    public boolean claim(String id, Instant publishedAt) {
        return seen.putIfAbsent(id, publishedAt) == null;
    }

    public void release(String id) {
        seen.remove(id);
    }

    /** Forgets ids of items published before {@code cutoff}: such items are skipped by age anyway. */
    public void forgetBefore(Instant cutoff) {
        seen.values().removeIf(at -> at.isBefore(cutoff));
    }

    public int size() {
        return seen.size();
    }
}
