package org.vigia.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.vigia.events.Topic;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;

/** The shared embedded broker, a unique topic prefix per test class, and reads of whole topics. */
public final class KafkaTestSupport {
    private KafkaTestSupport() {
    }

    public static Env env(Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>();
        vars.put("KAFKA_BOOTSTRAP_SERVERS", EmbeddedKafkaBroker.shared().bootstrapServers());
        vars.put("VIGIA_TOPIC_PREFIX", "test-" + UUID.randomUUID() + ".");
        vars.put("VIGIA_PARTITIONS", "3");
        vars.putAll(extra);
        return new Env(vars);
    }

    public static KafkaSettings kafka() {
        return KafkaSettings.from(env(Map.of()));
    }

    /** A record as read back: partition, key, value, timestamp, offset and headers. */
    public record Read<V>(int partition, String key, V value, long timestamp, long offset,
                          org.apache.kafka.common.header.Headers headers) {
        /** The offset a {@code vigia.after-…} header names, or null. */
        public Long follows(String header) {
            return org.vigia.events.Follows.read(headers, header);
        }
    }

    /** Everything on the topic now, with the given isolation level ({@code read_committed} or {@code read_uncommitted}). */
    public static <V> List<Read<V>> readAll(KafkaSettings kafka, Topic<String, V> topic, String isolation) {
        Map<String, Object> props = kafka.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<Read<V>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = highWatermarks(kafka, parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(new Read<>(r.partition(), topic.keySerde().deserializer().deserialize(r.topic(), r.key()),
                            r.value() == null ? null : topic.valueSerde().deserializer().deserialize(r.topic(), r.value()),
                            r.timestamp(), r.offset(), r.headers()));
                }
            }
        }
        return out;
    }

    /**
     * Where each partition ends for every reader: the high watermark. Not the consumer's own
     * {@code endOffsets} under {@code read_committed}, the last stable offset, which for a moment
     * after {@code commitTransaction} returns can still stand before the transaction just
     * committed (its markers are written after the commit is acknowledged); a read_committed
     * position reaches the high watermark once every transaction before it is decided.
     */
    static Map<TopicPartition, Long> highWatermarks(KafkaSettings kafka, List<TopicPartition> parts) {
        Map<String, Object> props = kafka.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return consumer.endOffsets(parts);
        }
    }

    public static <V> List<Read<V>> readCommitted(KafkaSettings kafka, Topic<String, V> topic) {
        return readAll(kafka, topic, "read_committed");
    }

    public static <V> void produce(KafkaSettings kafka, Topic<String, V> topic, String key, V value) {
        Map<String, Object> props = kafka.clientProperties();
        props.put("acks", "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                    topic.valueSerde().serializer().serialize(topic.name(), value))).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic.name(), e);
        }
    }
}
