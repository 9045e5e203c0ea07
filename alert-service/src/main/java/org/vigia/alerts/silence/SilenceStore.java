package org.vigia.alerts.silence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.alerts.log.CompactedTopicReader;
import org.vigia.events.Json;

/**
 * The silences, kept in the compacted {@code vigia.silences} topic (key = silence id) and in
 * memory. A write returns once the broker acknowledged it, so an answered POST survives a crash.
 * Expiring a silence rewrites it with {@code endsAt = now}; it stays listed as expired.
 */
public final class SilenceStore {
    private static final Logger log = LoggerFactory.getLogger(SilenceStore.class);

    private final String topic;
    private final Producer<String, byte[]> producer;
    private final Map<String, Silence> byId = new ConcurrentHashMap<>();

    public SilenceStore(String topic, Producer<String, byte[]> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    /** An in-memory store with no topic behind it, for tests of the stages. */
    public static SilenceStore inMemory() {
        return new SilenceStore(null, null);
    }

    public void restore(Map<String, Object> clientProps) {
        CompactedTopicReader.readAll(clientProps, topic, (key, value) -> {
            if (value == null) {
                byId.remove(key);
                return;
            }
            try {
                Silence s = Json.wire().readValue(value, Silence.class);
                byId.put(s.id(), s);
            } catch (IOException | RuntimeException e) {
                log.error("skipping unreadable silence {}: {}", key, e.getMessage());
            }
        });
        log.info("restored {} silence(s)", byId.size());
    }

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
}
