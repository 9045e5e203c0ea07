package org.vigia.ingest.kafka;

import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.vigia.events.Follows;
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

    /**
     * {@code record} stamped with the header {@code follows} ({@link Follows}) naming
     * {@code offsets[p]}, p being the partition the record goes to (its own, or its key's as the
     * producer's default partitioner picks it among {@code offsets.length} partitions); unchanged
     * where that offset is negative (nothing written there yet).
     */
    public static ProducerRecord<byte[], byte[]> following(ProducerRecord<byte[], byte[]> record, String follows,
                                                           long[] offsets) {
        int p = record.partition() != null ? record.partition()
                : Utils.toPositive(Utils.murmur2(record.key())) % offsets.length;
        if (p >= offsets.length || offsets[p] < 0) {
            return record;
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(follows);
        headers.add(follows, Follows.value(offsets[p]));
        return new ProducerRecord<>(record.topic(), p, record.timestamp(), record.key(), record.value(), headers);
    }
}
