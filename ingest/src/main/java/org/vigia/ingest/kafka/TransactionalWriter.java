package org.vigia.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
 * consumers; {@link WriteOutcomeUnknownException} = the commit timed out, or a failed write
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

    private final KafkaSettings kafka;
    private final String idBase;
    private final int maxRecords;
    private final long lingerNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Committer> committers = new ArrayList<>();
    /** Completes the callers' futures, so their continuations run off the committer threads. */
    private final ExecutorService answers;
    private final CommitListener listener;
    private volatile String fenced;
    private volatile boolean closed;

    /** Told about every transaction: how many batches and records it held and how it ended. */
    public interface CommitListener {
        void committed(int batches, int records, Outcome outcome);

        CommitListener NONE = (batches, records, outcome) -> { };
    }

    /** How a transaction ended. */
    public enum Outcome { COMMITTED, FAILED, UNKNOWN }

    private record Pending(List<ProducerRecord<byte[], byte[]>> records, CompletableFuture<Void> done) {
    }

    /** One producer per transaction at a time, sequentially, no group commit: for the CLI, the replay and the clock. */
    public TransactionalWriter(KafkaSettings kafka, String instanceId, String role) {
        this(kafka, instanceId, role, 1, Integer.MAX_VALUE, Duration.ZERO, CommitListener.NONE);
    }

    public TransactionalWriter(KafkaSettings kafka, String instanceId, String role, int producers, int maxRecords,
                               Duration linger, CommitListener listener) {
        this.kafka = kafka;
        this.idBase = kafka.topics().prefix + "ingest-" + instanceId + "-" + role;
        this.maxRecords = maxRecords;
        this.lingerNanos = linger.toNanos();
        this.listener = listener;
        this.answers = Executors.newFixedThreadPool(Math.max(2, producers), r -> {
            Thread t = new Thread(r, "ingest-answer-" + idBase);
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < producers; i++) {
                committers.add(new Committer(idBase + "-" + i));
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
        } else if (fenced != null) {
            done.completeExceptionally(new WriteFailedException(fenced, null));
        } else if (closed) {
            done.completeExceptionally(new WriteFailedException("the writer is closed", null));
        } else {
            queue.add(new Pending(List.copyOf(records), done));
        }
        return done;
    }

    /** Writes every record in one transaction; returns once committed, throws as {@link #submit}'s future fails. */
    public void write(List<ProducerRecord<byte[], byte[]>> records) {
        try {
            submit(records).join();
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
        return committers.get(0).producer.partitionsFor(topic).size();
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
            c.producer.close(Duration.ofSeconds(10));
        }
        failQueued("the writer closed before this was written");
        answers.shutdown();
    }

    private void failQueued(String why) {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(new WriteFailedException(why, null));
        }
    }

    private KafkaProducer<byte[], byte[]> newProducer(String transactionalId) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        defaults.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        defaults.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        Map<String, Object> props = kafka.clientProperties(defaults);
        // Not overridable: the all-or-nothing guarantee rests on these.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props);
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        return producer;
    }

    /** One transactional producer and the thread that drains the queue into its transactions. */
    private final class Committer extends Thread {
        private final String transactionalId;
        private KafkaProducer<byte[], byte[]> producer;
        /** Set when the producer's state is unknown; it is replaced after the callers have been answered. */
        private boolean broken;

        Committer(String transactionalId) {
            super("ingest-commit-" + transactionalId);
            setDaemon(true);
            this.transactionalId = transactionalId;
            this.producer = newProducer(transactionalId);
        }

        @Override
        public void run() {
            while (!closed) {
                List<Pending> group;
                try {
                    group = nextGroup();
                } catch (InterruptedException e) {
                    return;
                }
                if (group.isEmpty()) {
                    continue;
                }
                RuntimeException failure = commit(group);
                if (failure instanceof WriteFailedException && group.size() > 1 && fenced == null) {
                    for (Pending p : group) {
                        repairIfBroken();
                        settle(List.of(p), fenced != null ? new WriteFailedException(fenced, null) : commit(List.of(p)));
                    }
                } else {
                    settle(group, failure);
                }
                repairIfBroken();
            }
            if (fenced != null) {
                failQueued(fenced);
            }
        }

        private void repairIfBroken() {
            if (broken) {
                broken = false;
                replaceProducer();
            }
        }

        private List<Pending> nextGroup() throws InterruptedException {
            List<Pending> group = new ArrayList<>();
            Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                return group;
            }
            group.add(first);
            int records = first.records().size();
            long deadline = System.nanoTime() + lingerNanos;
            while (records < maxRecords) {
                long wait = deadline - System.nanoTime();
                Pending next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                if (next == null) {
                    break;
                }
                group.add(next);
                records += next.records().size();
            }
            return group;
        }

        private void settle(List<Pending> group, RuntimeException failure) {
            Runnable answer = () -> {
                for (Pending p : group) {
                    if (failure == null) {
                        p.done().complete(null);
                    } else {
                        p.done().completeExceptionally(failure);
                    }
                }
            };
            try {
                answers.execute(answer);
            } catch (RejectedExecutionException closing) {
                answer.run();
            }
        }

        /** One transaction for the whole group: null when committed, else why not. */
        private RuntimeException commit(List<Pending> group) {
            int records = group.stream().mapToInt(p -> p.records().size()).sum();
            try {
                producer.beginTransaction();
                for (Pending p : group) {
                    for (ProducerRecord<byte[], byte[]> r : p.records()) {
                        producer.send(r);
                    }
                }
            } catch (KafkaException e) {
                return isFenced(e) ? fencedBy(e, group, records) : abort(e, group, records);
            }
            try {
                producer.commitTransaction();
                listener.committed(group.size(), records, Outcome.COMMITTED);
                return null;
            } catch (TimeoutException | InterruptException e) {
                listener.committed(group.size(), records, Outcome.UNKNOWN);
                broken = true;
                return new WriteOutcomeUnknownException("the commit did not finish in time: the records may or may not "
                        + "have been written", e);
            } catch (KafkaException e) {
                if (isFenced(e)) {
                    return fencedBy(e, group, records);
                }
                if (!(e instanceof OutOfOrderSequenceException || e instanceof AuthorizationException
                        || e instanceof UnsupportedVersionException)) {
                    return abort(e, group, records);
                }
                listener.committed(group.size(), records, Outcome.FAILED);
                broken = true;
                return new WriteFailedException("Kafka refused the transaction: " + e.getMessage(), e);
            }
        }

        /** Another producer with this transactional id took over, however deep the client wrapped it. */
        private static boolean isFenced(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                    return true;
                }
            }
            return false;
        }

        /** Rolls the transaction back; when the rollback cannot be confirmed either, the outcome is unknown. */
        private RuntimeException abort(KafkaException cause, List<Pending> group, int records) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                if (isFenced(abortFailed)) {
                    listener.committed(group.size(), records, Outcome.FAILED);
                    return fenced(abortFailed);
                }
                listener.committed(group.size(), records, Outcome.UNKNOWN);
                broken = true;
                return new WriteOutcomeUnknownException("the write to Kafka failed and its rollback could not be confirmed "
                        + "(" + cause.getMessage() + "): the records may or may not have been written", cause);
            }
            listener.committed(group.size(), records, Outcome.FAILED);
            return new WriteFailedException("the write to Kafka failed and was rolled back: " + cause.getMessage(), cause);
        }

        private RuntimeException fencedBy(KafkaException e, List<Pending> group, int records) {
            listener.committed(group.size(), records, Outcome.FAILED);
            return fenced(e);
        }

        private RuntimeException fenced(KafkaException e) {
            fenced = "another process uses this instance's transactional id " + transactionalId
                    + " (VIGIA_INSTANCE_ID must differ between running instances); this one no longer writes";
            log.error(fenced);
            closed = true;
            return new WriteFailedException(fenced, e);
        }

        /** A producer in an unknown state is replaced; initTransactions settles its open transaction on the broker. */
        private void replaceProducer() {
            log.warn("replacing transactional producer {} after an error", transactionalId);
            producer.close(Duration.ofSeconds(5));
            while (!closed) {
                try {
                    producer = newProducer(transactionalId);
                    return;
                } catch (RuntimeException e) {
                    log.error("cannot create transactional producer {}, retrying: {}", transactionalId, e.getMessage());
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
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
