package org.vigia.processor.topology.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
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
 */
final class PendingRollups {
    private final KeyValueStore<Bytes, Rollup> store;

    PendingRollups(KeyValueStore<Bytes, Rollup> store) {
        this.store = store;
    }

    void add(RollupDelta d) {
        Bytes key = RollupHistory.dayKeyAt(d.key(), d.at());
        Rollup sum = store.get(key);
        store.put(key, (sum == null ? Rollup.empty() : sum).plus(d));
    }

    /** Hands every pending sum (key: its roll-up; value's {@code asOf}: its latest delta) to {@code send}, then forgets them. */
    void flush(BiConsumer<String, Rollup> send) {
        List<Bytes> sent = new ArrayList<>();
        try (KeyValueIterator<Bytes, Rollup> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, Rollup> kv = it.next();
                Rollup r = kv.value;
                send.accept(Rollup.key(r.kind, r.planId, r.group), r);
                sent.add(kv.key);
            }
        }
        sent.forEach(store::delete);
    }
}
