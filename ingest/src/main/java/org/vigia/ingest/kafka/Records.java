package org.vigia.ingest.kafka;

import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.events.Topic;

/**
 * Builds the raw records ingest writes, serialised with the topic's own serdes so a name
 * is never paired with the wrong serde. The timestamp is always given explicitly: Kafka
 * record timestamps are event time (reportedAt, publishedAt, tick.at, amendment time).
 */
public final class Records {
    private Records() {
    }

    public static <V> ProducerRecord<byte[], byte[]> record(Topic<String, V> topic, String key, V value, Instant timestamp) {
        return record(topic, null, key, value, timestamp);
    }

    public static <V> ProducerRecord<byte[], byte[]> record(Topic<String, V> topic, Integer partition, String key, V value,
                                                            Instant timestamp) {
        byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
        return new ProducerRecord<>(topic.name(), partition, timestamp.toEpochMilli(), k, v);
    }
}
