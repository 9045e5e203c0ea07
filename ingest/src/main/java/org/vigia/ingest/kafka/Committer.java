package org.vigia.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
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
import org.vigia.ingest.kafka.TransactionalWriter.CommitListener;
import org.vigia.ingest.kafka.TransactionalWriter.Outcome;
import org.vigia.ingest.kafka.TransactionalWriter.WriteFailedException;
import org.vigia.ingest.kafka.TransactionalWriter.WriteOutcomeUnknownException;
import org.vigia.kit.Causes;
import org.vigia.kit.KafkaSettings;

/**
 * One transactional producer of a {@link TransactionalWriter} and the thread that drains the
 * writer's {@link CommitQueue} into its transactions, one group per transaction, and tells
 * each caller how its batch ended. Only this thread uses the producer for transactions; the
 * writer reads it only for metadata and to close it.
 */
final class Committer extends Thread {
    /** The writer's logger: operators look for these lines under the writer's name. */
    private static final Logger log = LoggerFactory.getLogger(TransactionalWriter.class);

    private final TransactionalWriter writer;
    private final KafkaSettings kafka;
    private final String transactionalId;
    private final CommitQueue queue;
    /** Completes the callers' futures, so their continuations run off this thread. */
    private final ExecutorService answers;
    private final CommitListener listener;
    private KafkaProducer<byte[], byte[]> producer;
    /** Set when the producer's state is unknown; it is replaced after the callers have been answered. */
    private boolean broken;

    Committer(TransactionalWriter writer, KafkaSettings kafka, String transactionalId, CommitQueue queue,
              ExecutorService answers, CommitListener listener) {
        super("ingest-commit-" + transactionalId);
        setDaemon(true);
        this.writer = writer;
        this.kafka = kafka;
        this.transactionalId = transactionalId;
        this.queue = queue;
        this.answers = answers;
        this.listener = listener;
        this.producer = newProducer(kafka, transactionalId);
    }

    KafkaProducer<byte[], byte[]> producer() {
        return producer;
    }

    @Override
    public void run() {
        while (!writer.isClosed()) {
            List<PendingBatch> group;
            try {
                group = queue.nextGroup();
            } catch (InterruptedException e) {
                return;
            }
            if (group.isEmpty()) {
                continue;
            }
            RuntimeException failure = commit(group);
            if (failure instanceof WriteFailedException && group.size() > 1 && writer.fencedReason() == null) {
                for (PendingBatch p : group) {
                    repairIfBroken();
                    settle(List.of(p), writer.fencedReason() != null
                            ? new WriteFailedException(writer.fencedReason(), null) : commit(List.of(p)));
                }
            } else {
                settle(group, failure);
            }
            repairIfBroken();
        }
        if (writer.fencedReason() != null) {
            queue.failAll(writer.fencedReason());
        }
    }

    private void repairIfBroken() {
        if (broken) {
            broken = false;
            replaceProducer();
        }
    }

    private void settle(List<PendingBatch> group, RuntimeException failure) {
        Runnable answer = () -> {
            for (PendingBatch p : group) {
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
    private RuntimeException commit(List<PendingBatch> group) {
        int records = group.stream().mapToInt(p -> p.records().size()).sum();
        try {
            producer.beginTransaction();
            for (PendingBatch p : group) {
                if (p.followers() == null) {
                    for (ProducerRecord<byte[], byte[]> r : p.records()) {
                        producer.send(r);
                    }
                } else {
                    records += sendLocated(p);
                }
            }
        } catch (KafkaException e) {
            return isFenced(e) ? fencedBy(e, group, records) : abort(e, group, records);
        }
        try {
            CommitWait.commit(producer, transactionalId, writer::isClosed, listener);
            listener.committed(group.size(), records, Outcome.COMMITTED);
            return null;
        } catch (TimeoutException | InterruptException e) {
            listener.committed(group.size(), records, Outcome.UNKNOWN);
            broken = true;
            return new WriteOutcomeUnknownException("the commit did not finish in time (waited for again until "
                    + CommitWait.FOR.toSeconds() + " s after it began): the records may or may not have been written", e);
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

    /**
     * Sends the batch, waits until the broker has placed its records (a flush inside the open
     * transaction), tells the batch where they landed and sends its followers after them.
     * Returns how many followers were sent.
     */
    private int sendLocated(PendingBatch p) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(p.records().size());
        for (ProducerRecord<byte[], byte[]> r : p.records()) {
            sent.add(producer.send(r));
        }
        producer.flush();
        Map<TopicPartition, Long> last = new HashMap<>();
        for (Future<RecordMetadata> f : sent) {
            RecordMetadata m = placed(f);
            last.merge(new TopicPartition(m.topic(), m.partition()), m.offset(), Math::max);
        }
        p.located(last);
        List<ProducerRecord<byte[], byte[]>> followers = p.followers().after(Map.copyOf(last));
        for (ProducerRecord<byte[], byte[]> r : followers) {
            producer.send(r);
        }
        return followers.size();
    }

    private static RecordMetadata placed(Future<RecordMetadata> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
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
    private RuntimeException abort(KafkaException cause, List<PendingBatch> group, int records) {
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
        return new WriteFailedException("the write to Kafka failed and was rolled back: " + cause.getMessage()
                + rootCause(cause), cause);
    }

    /** What the client wrapped, for the operator: " (cause: TimeoutException: ...)", or nothing. */
    private static String rootCause(Throwable e) {
        Throwable root = Causes.root(e);
        return root == e ? "" : " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private RuntimeException fencedBy(KafkaException e, List<PendingBatch> group, int records) {
        listener.committed(group.size(), records, Outcome.FAILED);
        return fenced(e);
    }

    private RuntimeException fenced(KafkaException e) {
        String why = "another process uses this instance's transactional id " + transactionalId
                + " (VIGIA_INSTANCE_ID must differ between running instances); this one no longer writes";
        writer.fence(why);
        return new WriteFailedException(writer.fencedReason(), e);
    }

    /** A producer in an unknown state is replaced; initTransactions settles its open transaction on the broker. */
    private void replaceProducer() {
        log.warn("replacing transactional producer {} after an error", transactionalId);
        producer.close(Duration.ofSeconds(5));
        while (!writer.isClosed()) {
            try {
                producer = newProducer(kafka, transactionalId);
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

    private static KafkaProducer<byte[], byte[]> newProducer(KafkaSettings kafka, String transactionalId) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(ProducerConfig.LINGER_MS_CONFIG, TransactionalWriter.LINGER_MS);
        defaults.put(ProducerConfig.BATCH_SIZE_CONFIG, TransactionalWriter.BATCH_BYTES);
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
}
