package org.vigia.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.kit.KafkaSettings;

/**
 * Writes a batch of records all-or-nothing: one Kafka transaction per call, {@code acks=all},
 * idempotence on. {@link #write} returns only once the transaction is committed, so a caller
 * that answers "accepted" afterwards never lies; if it throws, nothing of the batch is
 * visible to {@code read_committed} consumers.
 *
 * <p>A transactional producer runs one transaction at a time, so the writer keeps a small
 * pool of them and concurrent callers each borrow one. Transactional ids are unique per
 * writer instance ({@code <prefix>ingest-<role>-<uuid>-<n>}): ingest only produces, it never
 * consumes-transforms-produces, so it needs no fencing of earlier incarnations.
 */
public final class TransactionalWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TransactionalWriter.class);

    private final KafkaSettings kafka;
    private final String idBase;
    private final BlockingQueue<KafkaProducer<byte[], byte[]>> idle;
    private final List<KafkaProducer<byte[], byte[]>> all = new ArrayList<>();
    private int created;
    private volatile boolean closed;

    public TransactionalWriter(KafkaSettings kafka, String role, int producers) {
        this.kafka = kafka;
        this.idBase = kafka.topics().prefix + "ingest-" + role + "-" + UUID.randomUUID();
        this.idle = new ArrayBlockingQueue<>(producers);
        for (int i = 0; i < producers; i++) {
            idle.add(newProducer());
        }
    }

    private synchronized KafkaProducer<byte[], byte[]> newProducer() {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(ProducerConfig.ACKS_CONFIG, "all");
        defaults.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        defaults.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        defaults.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        Map<String, Object> props = kafka.clientProperties(defaults);
        // Not overridable: the all-or-nothing guarantee rests on these.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, idBase + "-" + created++);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props);
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        all.add(producer);
        return producer;
    }

    /** Writes every record in one transaction; returns once committed, throws if nothing was written. */
    public void write(List<ProducerRecord<byte[], byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        KafkaProducer<byte[], byte[]> producer = borrow();
        boolean healthy = true;
        try {
            producer.beginTransaction();
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException e) {
            healthy = false;
            throw new WriteFailedException("Kafka refused the transaction: " + e.getMessage(), e);
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                healthy = false;
            }
            throw new WriteFailedException("the write to Kafka failed and was rolled back: " + e.getMessage(), e);
        } finally {
            giveBack(producer, healthy);
        }
    }

    private KafkaProducer<byte[], byte[]> borrow() {
        try {
            KafkaProducer<byte[], byte[]> p = idle.poll(60, TimeUnit.SECONDS);
            if (p == null || closed) {
                if (p != null) {
                    idle.offer(p);
                }
                throw new WriteFailedException("no Kafka producer available", null);
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteFailedException("interrupted while waiting for a producer", e);
        }
    }

    private void giveBack(KafkaProducer<byte[], byte[]> producer, boolean healthy) {
        if (healthy || closed) {
            idle.offer(producer);
            return;
        }
        log.warn("replacing a transactional producer after a fatal error");
        synchronized (this) {
            all.remove(producer);
        }
        producer.close(Duration.ofSeconds(5));
        try {
            idle.offer(newProducer());
        } catch (RuntimeException e) {
            log.error("cannot create a replacement producer: {}", e.getMessage());
        }
    }

    /** How many partitions a topic has, as the producer's metadata sees it. */
    public int partitionsFor(String topic) {
        KafkaProducer<byte[], byte[]> producer = borrow();
        try {
            return producer.partitionsFor(topic).size();
        } finally {
            idle.offer(producer);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (KafkaProducer<byte[], byte[]> p : all) {
            p.close(Duration.ofSeconds(10));
        }
        all.clear();
    }

    /** The batch was not written: nothing of it is visible to read_committed consumers. */
    public static final class WriteFailedException extends RuntimeException {
        public WriteFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
