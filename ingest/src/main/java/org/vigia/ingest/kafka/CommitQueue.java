package org.vigia.ingest.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.vigia.ingest.kafka.TransactionalWriter.WriteFailedException;

/**
 * The batches submitted to a {@link TransactionalWriter} and not yet taken into a transaction,
 * shared by all its committers. Each committer takes the next group from it: what is queued,
 * up to {@code maxRecords}, waiting at most {@code linger} for more — the group commit that
 * lets many small batches share one transaction. Safe for any number of threads (it is a
 * {@link LinkedBlockingQueue}).
 */
final class CommitQueue {
    private final BlockingQueue<PendingBatch> queue = new LinkedBlockingQueue<>();
    private final int maxRecords;
    private final long lingerNanos;

    CommitQueue(int maxRecords, long lingerNanos) {
        this.maxRecords = maxRecords;
        this.lingerNanos = lingerNanos;
    }

    void add(PendingBatch batch) {
        queue.add(batch);
    }

    /**
     * The next group to commit: empty when nothing came within 200 ms (so the committer can
     * look whether the writer closed), else the first batch and what followed it within the
     * linger, until the group holds {@code maxRecords} records or more.
     */
    List<PendingBatch> nextGroup() throws InterruptedException {
        List<PendingBatch> group = new ArrayList<>();
        PendingBatch first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return group;
        }
        group.add(first);
        int records = first.records().size();
        long deadline = System.nanoTime() + lingerNanos;
        while (records < maxRecords) {
            long wait = deadline - System.nanoTime();
            PendingBatch next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            group.add(next);
            records += next.records().size();
        }
        return group;
    }

    /** Fails every batch still queued, for a writer that will not write them: nothing of them was written. */
    void failAll(String why) {
        PendingBatch p;
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(new WriteFailedException(why, null));
        }
    }
}
