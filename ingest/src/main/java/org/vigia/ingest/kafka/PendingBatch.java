package org.vigia.ingest.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.vigia.ingest.kafka.TransactionalWriter.Followers;

/**
 * One caller's batch waiting in the {@link CommitQueue}, with the future its caller waits on:
 * the batch is the unit that succeeds or fails as a whole, whatever group it is committed in.
 * A batch with {@link Followers} also learns where its records landed (set by the committer
 * before it completes {@code done}), and has the followers written after them in its transaction.
 */
final class PendingBatch {
    private final List<ProducerRecord<byte[], byte[]>> records;
    private final Followers followers;
    private final CompletableFuture<Void> done;
    private volatile Map<TopicPartition, Long> located = Map.of();

    PendingBatch(List<ProducerRecord<byte[], byte[]>> records, CompletableFuture<Void> done) {
        this(records, null, done);
    }

    PendingBatch(List<ProducerRecord<byte[], byte[]>> records, Followers followers, CompletableFuture<Void> done) {
        this.records = records;
        this.followers = followers;
        this.done = done;
    }

    List<ProducerRecord<byte[], byte[]>> records() {
        return records;
    }

    /** Null for a batch that needs no offsets and has no followers. */
    Followers followers() {
        return followers;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    /** The offset of the batch's last record in each partition it wrote to, once written. */
    Map<TopicPartition, Long> located() {
        return located;
    }

    void located(Map<TopicPartition, Long> offsets) {
        this.located = Map.copyOf(offsets);
    }
}
