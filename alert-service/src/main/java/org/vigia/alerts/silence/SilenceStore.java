package org.vigia.alerts.silence;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.Json;

/**
 * The silences, kept in the compacted {@code <prefix>silences} topic (key = silence id) and
 * followed by every instance: {@link #start} reads the topic to its end, then a thread keeps
 * reading it, so a silence created on one instance mutes on all. A write returns once the
 * broker acknowledged it (so an answered POST survives a crash) and is visible here at once.
 */
public final class SilenceStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SilenceStore.class);

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Silence> byId = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread follower;

    private SilenceStore(String topic, KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer) {
        this.topic = topic;
        this.producer = producer;
        this.consumer = consumer;
    }

    /** An in-memory store with no topic behind it, for tests of the stages. */
    public static SilenceStore inMemory() {
        return new SilenceStore(null, null, null);
    }

    /** Reads the topic to its current end, then follows it. */
    public static SilenceStore start(Map<String, Object> clientProps, String topic, String clientId) {
        Map<String, Object> producerProps = new HashMap<>(clientProps);
        producerProps.put("acks", "all");
        producerProps.put("enable.idempotence", "true");
        producerProps.put("client.id", clientId + "-silences-producer");
        Map<String, Object> consumerProps = new HashMap<>(clientProps);
        consumerProps.remove("group.id");
        consumerProps.put("enable.auto.commit", "false");
        consumerProps.put("isolation.level", "read_committed");
        consumerProps.put("client.id", clientId + "-silences-reader");
        SilenceStore store = new SilenceStore(topic, new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer()),
                new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer()));
        store.catchUp();
        store.follower = new Thread(store::follow, "silences-follower");
        store.follower.setDaemon(true);
        store.running = true;
        store.follower.start();
        return store;
    }

    private void catchUp() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
        while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(60)) < end.get(tp))) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
        }
        log.info("restored {} silence(s)", byId.size());
    }

    private void follow() {
        while (running) {
            try {
                consumer.poll(Duration.ofMillis(500)).forEach(this::apply);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.error("cannot read silences, retrying: {}", e.getMessage());
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            byId.remove(record.key());
            return;
        }
        try {
            Silence s = Json.wire().readValue(record.value(), Silence.class);
            byId.put(s.id(), s);
        } catch (IOException | RuntimeException e) {
            log.error("skipping unreadable silence {}: {}", record.key(), e.getMessage());
        }
    }

    /** Writes and waits for the broker's acknowledgement; then the silence is in force here. */
    public void put(Silence silence) {
        if (producer != null) {
            try {
                producer.send(new ProducerRecord<>(topic, silence.id(), Json.write(silence))).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing a silence", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot write the silence to Kafka: " + e.getMessage(), e);
            }
        }
        byId.put(silence.id(), silence);
    }

    public Optional<Silence> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Silence> all() {
        List<Silence> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(Silence::createdAt).reversed().thenComparing(Silence::id));
        return list;
    }

    /** Still following the topic (for readiness). */
    public boolean following() {
        return producer == null || (running && follower != null && follower.isAlive());
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
            try {
                follower.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
