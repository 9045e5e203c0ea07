package org.vigia.processor.topology.judge;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigia.processor.topology.rollup.Rollup;
import org.vigia.processor.topology.rollup.RollupDelta;
import org.vigia.processor.topology.rollup.RollupHistory;

/**
 * The roll-up deltas a judge task has computed and not yet sent, summed per roll-up and day of
 * event time (store {@code judge-rollup-pending}). A status change adds its two deltas here; a
 * wall-clock punctuation sends one sum per (roll-up, day) that changed and empties the store. So
 * the repartition carries a few records per commit instead of two per status change.
 *
 * <p>Safe under exactly-once: the store is logged, so deltas added after the last flush of a
 * commit are in that commit's transaction with the input offsets, and a restored task sends
 * them at its next flush. The sums are order-independent, so when they are sent changes
 * nothing that the roll-ups add up to.
 *
 * <p>The store is written, never read, while the task runs: the sums are also kept in a map,
 * filled from the store when the task starts (after a restore, what the last commit held), so
 * a delta costs one store write, not a read, a decode and a write.
 */
final class PendingRollups {
    private final KeyValueStore<Bytes, Rollup> store;
    /** What the store holds, in the store's (byte) order, so a flush sends in the same order after a restore. */
    private final Map<Bytes, Rollup> sums = new TreeMap<>();

    PendingRollups(KeyValueStore<Bytes, Rollup> store) {
        this.store = store;
        try (KeyValueIterator<Bytes, Rollup> it = store.all()) {
            it.forEachRemaining(kv -> sums.put(kv.key, kv.value));
        }
    }

    void add(RollupDelta d) {
        Bytes key = RollupHistory.dayKeyAt(d.key(), d.at());
        store.put(key, sums.computeIfAbsent(key, k -> Rollup.empty()).plus(d));
    }

    /** Hands every pending sum (key: its roll-up; value's {@code asOf}: its latest delta) to {@code send}, then forgets them. */
    void flush(BiConsumer<String, Rollup> send) {
        sums.forEach((key, r) -> {
            send.accept(Rollup.key(r.kind, r.planId, r.group), r);
            store.delete(key);
        });
        sums.clear();
    }
}
