package org.vigia.reliability.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.Commitment;
import org.vigia.events.Follows;
import org.vigia.events.Topics;
import org.vigia.ingest.clock.Ticks;
import org.vigia.ingest.kafka.Records;

/**
 * Writes what has no HTTP entrance in event time — registry entries and amendments, stamped
 * with their own time, and the clock ticks — exactly as ingest's replay writes them (its own
 * record builders), each call one transaction. A write that fails (a broker that was killed,
 * say) is retried with a new producer until it commits or the deadline passes: ticks and
 * registry versions are idempotent, so writing one twice changes nothing downstream.
 */
public final class EventTimeWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventTimeWriter.class);

    private final String bootstrap;
    private final Topics topics;
    private final String transactionalId;
    private KafkaProducer<byte[], byte[]> producer;
    private int partitions = -1;
    private final OpenTransactions visibility;
    private LastRecords lastRecords;

    public EventTimeWriter(String bootstrap, Topics topics) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.transactionalId = topics.prefix + "reliability-driver-" + UUID.randomUUID();
        this.visibility = new OpenTransactions(bootstrap, List.of(topics.commitments.name(), topics.progress.name()));
    }

    /** A registry version and its event time (the replay start for the initial registry, an amendment's own time). */
    public record Version(Commitment commitment, Instant at) {
    }

    /**
     * Registry versions, each stamped with its own time, in one transaction — written only once
     * everything written before is readable, each naming the last progress record of its
     * partition the processor will read (header {@code vigia.after-progress}, found as for the
     * ticks), and returning only once they are readable themselves. The processor holds a
     * registry version until it has applied what it names, so an amendment never overtakes the
     * reports written before it, however the processor fetches its partitions; the reports
     * written after it name it in turn (ingest stamps them from its registry view: see
     * {@code IngestClient#awaitRegistryView}).
     *
     * @return per partition of {@code vigia.commitments}, the offset of the last version written
     *         there (-1: none)
     */
    public long[] commitments(List<Version> versions, Instant deadline) {
        int partitions = clockPartitions(deadline);
        long[] written = new long[partitions];
        java.util.Arrays.fill(written, -1);
        if (versions.isEmpty()) {
            return written;
        }
        visibility.await(deadline);
        while (true) {
            try {
                long[] progress = lastRecords().of(topics.progress, partitions, false, deadline);
                List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
                for (Version v : versions) {
                    records.add(Records.following(Records.record(topics.commitments, v.commitment().id(), v.commitment(),
                            v.at()), Follows.AFTER_PROGRESS, progress));
                }
                for (RecordMetadata m : write(records, deadline)) {
                    written[m.partition()] = Math.max(written[m.partition()], m.offset());
                }
                break;
            } catch (KafkaException e) {
                closeLastRecords();
                retryOrThrow(e, deadline);
            }
        }
        visibility.await(deadline);
        return written;
    }

    /**
     * One tick to every partition of the clock topic, in one transaction, once everything written
     * before is readable; tick {@code p} names the last progress and registry record of partition
     * {@code p} the processor will read, as ingest's replay does, so the processor applies it
     * after them however it fetches its partitions (after a restart, a rebalance, a broker kill).
     */
    public void tick(Instant at, Instant deadline) {
        int partitions = clockPartitions(deadline);
        visibility.await(deadline);
        while (true) {
            try {
                long[] progress = lastRecords().of(topics.progress, partitions, false, deadline);
                long[] commitments = lastRecords().of(topics.commitments, partitions, true, deadline);
                write(Ticks.following(topics.clock, at, progress, commitments), deadline);
                return;
            } catch (KafkaException e) {
                closeLastRecords();
                retryOrThrow(e, deadline);
            }
        }
    }

    private LastRecords lastRecords() {
        if (lastRecords == null) {
            lastRecords = new LastRecords(bootstrap);
        }
        return lastRecords;
    }

    private void closeLastRecords() {
        if (lastRecords != null) {
            try {
                lastRecords.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
            lastRecords = null;
        }
    }

    /** Raw records (poison pills): written non-transactionally would be as visible, but one transaction keeps them together. */
    public void raw(List<ProducerRecord<byte[], byte[]>> records, Instant deadline) {
        write(records, deadline);
    }

    private int clockPartitions(Instant deadline) {
        while (partitions < 0) {
            try {
                partitions = producer().partitionsFor(topics.clock.name()).size();
            } catch (KafkaException e) {
                retryOrThrow(e, deadline);
            }
        }
        return partitions;
    }

    /** Where the records landed, once their transaction committed. */
    private List<RecordMetadata> write(List<ProducerRecord<byte[], byte[]>> records, Instant deadline) {
        if (records.isEmpty()) {
            return List.of();
        }
        while (true) {
            try {
                KafkaProducer<byte[], byte[]> p = producer();
                p.beginTransaction();
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (ProducerRecord<byte[], byte[]> r : records) {
                    sent.add(p.send(r));
                }
                p.commitTransaction();
                List<RecordMetadata> landed = new ArrayList<>();
                for (Future<RecordMetadata> f : sent) {
                    landed.add(f.get()); // complete: the commit flushed them
                }
                return landed;
            } catch (KafkaException e) {
                retryOrThrow(e, deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                retryOrThrow(e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause()), deadline);
            }
        }
    }

    private void retryOrThrow(KafkaException e, Instant deadline) {
        log.warn("event-time write failed, retrying with a new producer: {}", e.toString());
        discard();
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("could not write to Kafka before " + deadline, e);
        }
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put("bootstrap.servers", bootstrap);
            props.put("acks", "all");
            props.put("enable.idempotence", "true");
            props.put("transactional.id", transactionalId);
            props.put("linger.ms", "0");
            props.put("max.block.ms", "15000");
            props.put("delivery.timeout.ms", "30000");
            props.put("request.timeout.ms", "10000");
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
            try {
                producer.initTransactions();
            } catch (KafkaException e) {
                discard();
                throw e;
            }
        }
        return producer;
    }

    private void discard() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // already broken
            }
            producer = null;
        }
    }

    @Override
    public void close() {
        visibility.close();
        closeLastRecords();
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
