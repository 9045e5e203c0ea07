package org.vigia.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.kit.KafkaSettings;

/**
 * Writes batches of records all-or-nothing, with group commit: the batches callers submit
 * are queued, and each of a few transactional producers takes what is queued — up to
 * {@code maxRecords}, waiting at most {@code linger} for more — and writes it in ONE Kafka
 * transaction ({@code acks=all}, idempotence on). Every caller's future completes after that
 * commit; if the transaction fails, every batch in it fails, so each batch is still all or
 * nothing. A group that failed for a reason of its own (a record the broker refuses) is
 * retried batch by batch, so one bad batch does not fail the others. The callers are answered
 * on threads of their own, not on the producer's: what a caller does with the answer (the API
 * writes its HTTP response) does not hold up the next transaction.
 *
 * <p>Outcomes: completed = committed and acknowledged by every in-sync replica;
 * {@link WriteFailedException} = nothing of the batch is visible to {@code read_committed}
 * consumers; {@link WriteOutcomeUnknownException} = the commit timed out (and did not finish
 * either while it was waited for again, two minutes more), or a failed write
 * could not be rolled back either (the broker went away): the batch may or may not have been
 * written (the producer is then replaced, which settles the transaction on the broker at once).
 *
 * <p>Transactional ids are stable per instance and role:
 * {@code <prefix>ingest-<instance>-<role>-<n>}. A restarted instance fences its predecessor's
 * producers, and Kafka aborts a transaction the predecessor left open when it crashed,
 * instead of read_committed consumers of that partition waiting for it to time out. Two
 * running instances must have different ids: the one fenced stops writing (and is no longer
 * ready) rather than fence the other back.
 */
public final class TransactionalWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TransactionalWriter.class);
    /** Producer batching of every ingest write, the same as the bare-producer yardstick of the benchmark. */
    public static final int BATCH_BYTES = 256 * 1024;
    public static final int LINGER_MS = 5;

    private final String idBase;
    private final CommitQueue queue;
    private final List<Committer> committers = new ArrayList<>();
    /** Completes the callers' futures, so their continuations run off the committer threads. */
    private final ExecutorService answers;
    private final CommitListener listener;
    private volatile String fenced;
    private volatile boolean closed;

    /** Told about every transaction: how many batches and records it held and how it ended. */
    public interface CommitListener {
        void committed(int batches, int records, Outcome outcome);

        /** A commit did not finish within {@code max.block.ms} and is being waited for again. */
        default void commitWaitedAgain() {
        }

        CommitListener NONE = (batches, records, outcome) -> { };
    }

    /** How a transaction ended. */
    public enum Outcome { COMMITTED, FAILED, UNKNOWN }

    /**
     * Records written after a batch in the batch's own transaction, made from where the batch's
     * records landed: the offset of its last record in each partition (none for a partition it
     * did not write to). Called on the committer's thread, once per attempt.
     */
    @FunctionalInterface
    public interface Followers {
        List<ProducerRecord<byte[], byte[]>> after(Map<TopicPartition, Long> lastOffsets);

        Followers NONE = lastOffsets -> List.of();
    }

    /** One producer per transaction at a time, sequentially, no group commit: for the CLI, the replay and the clock. */
    public TransactionalWriter(KafkaSettings kafka, String instanceId, String role) {
        this(kafka, instanceId, role, 1, Integer.MAX_VALUE, Duration.ZERO, CommitListener.NONE);
    }

    public TransactionalWriter(KafkaSettings kafka, String instanceId, String role, int producers, int maxRecords,
                               Duration linger, CommitListener listener) {
        this.idBase = kafka.topics().prefix + "ingest-" + instanceId + "-" + role;
        this.queue = new CommitQueue(maxRecords, linger.toNanos());
        this.listener = listener;
        this.answers = Executors.newFixedThreadPool(Math.max(2, producers), r -> {
            Thread t = new Thread(r, "ingest-answer-" + idBase);
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < producers; i++) {
                committers.add(new Committer(this, kafka, idBase + "-" + i, queue, answers, listener));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        committers.forEach(Committer::start);
    }

    /** The transactional id of producer {@code n}, for operators who look for it on the broker. */
    public String transactionalId(int n) {
        return idBase + "-" + n;
    }

    /** Queues a batch; the future completes once its transaction is committed. */
    public CompletableFuture<Void> submit(List<ProducerRecord<byte[], byte[]>> records) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (records.isEmpty()) {
            done.complete(null);
        } else {
            enqueue(new PendingBatch(List.copyOf(records), done));
        }
        return done;
    }

    /** Queues a batch, or fails it at once when this writer no longer writes. */
    private void enqueue(PendingBatch batch) {
        if (fenced != null) {
            batch.done().completeExceptionally(new WriteFailedException(fenced, null));
        } else if (closed) {
            batch.done().completeExceptionally(new WriteFailedException("the writer is closed", null));
        } else {
            queue.add(batch);
        }
    }

    /** Writes every record in one transaction; returns once committed, throws as {@link #submit}'s future fails. */
    public void write(List<ProducerRecord<byte[], byte[]>> records) {
        await(submit(records));
    }

    /**
     * Writes {@code records}, then what {@code followers} makes of the offsets they landed at,
     * in one transaction; returns once committed, with the offset of the last of
     * {@code records} in each partition they went to. Throws as {@link #submit}'s future fails.
     */
    public Map<TopicPartition, Long> write(List<ProducerRecord<byte[], byte[]>> records, Followers followers) {
        PendingBatch batch = new PendingBatch(List.copyOf(records), followers, new CompletableFuture<>());
        enqueue(batch);
        await(batch.done());
        return batch.located();
    }

    private static void await(CompletableFuture<Void> done) {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** False once another process with the same transactional ids has fenced this one. */
    public boolean healthy() {
        return fenced == null && !closed;
    }

    /** How many partitions a topic has, as the producers' metadata sees it. */
    public int partitionsFor(String topic) {
        return committers.get(0).producer().partitionsFor(topic).size();
    }

    @Override
    public void close() {
        closed = true;
        for (Committer c : committers) {
            try {
                c.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.producer().close(Duration.ofSeconds(10));
        }
        queue.failAll("the writer closed before this was written");
        answers.shutdown();
    }

    /** For the committers: true once closed, or fenced, so they stop taking batches. */
    boolean isClosed() {
        return closed;
    }

    /** For the committers: why this writer was fenced, or null while it was not. */
    String fencedReason() {
        return fenced;
    }

    /**
     * Called by the committer that found itself fenced: every later {@link #submit} fails with
     * {@code why} and every committer stops, since another process now owns these transactional ids.
     */
    void fence(String why) {
        fenced = why;
        log.error(fenced);
        closed = true;
    }

    /** The batch was not written: nothing of it is visible to read_committed consumers. */
    public static class WriteFailedException extends RuntimeException {
        public WriteFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The commit's outcome is not known: the batch may or may not have been written. */
    public static final class WriteOutcomeUnknownException extends RuntimeException {
        public WriteOutcomeUnknownException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
