package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.vigia.events.CommitmentState;
import org.vigia.events.CommitmentStatus;
import org.vigia.processor.topology.rollup.Rollup;

/**
 * The judge sums roll-up deltas per (roll-up, day) and sends the sums once per flush: the
 * roll-ups, and each day of their history, come out the same whether it flushes after every
 * record or once at the end, and they agree with the commitments' final statuses.
 */
class RollupFlushTest {

    @Test
    void rollupsAreTheSameHowEverOftenTheJudgeFlushes() {
        for (long seed : new long[] {11, 2027}) {
            List<Consumer<Harness>> plan = DueIndexDifferentialTest.plan(seed);
            try (Harness eager = new Harness(Thresholds.defaults(), Duration.ofDays(1), true);
                 Harness lazy = new Harness(Thresholds.defaults(), Duration.ofDays(1), true)) {
                plan.forEach(step -> {
                    step.accept(eager);
                    eager.flushRollups();
                });
                plan.forEach(step -> step.accept(lazy));
                int lazyRecords = lazy.sectorRecords().size(); // flushes once, here

                assertThat(rollups(lazy)).isEqualTo(rollups(eager)).hasSizeGreaterThan(10);
                assertThat(daily(lazy)).isEqualTo(daily(eager)).hasSizeGreaterThan(100);
                // one flush sends one sum per (roll-up, day): a sector's record per day it changed
                assertThat((long) lazyRecords).isEqualTo(daily(lazy).values().stream()
                        .filter(d -> d.contains("/SECTOR/")).count());
                assertThat(pending(lazy)).isZero();
                assertAgreesWithStatuses(lazy);
            }
        }
    }

    /** Per sector: as many commitments, in each state, and as much completion as their last statuses say. */
    private static void assertAgreesWithStatuses(Harness h) {
        Map<String, CommitmentStatus> last = new HashMap<>();
        h.statusRecords().forEach(r -> last.put(r.key(), r.value()));
        Map<String, long[]> expected = new TreeMap<>();
        last.values().stream().filter(s -> s != null).forEach(s -> {
            long[] e = expected.computeIfAbsent(Rollup.key(Rollup.Kind.SECTOR, s.planId(), s.sector()), k -> new long[3]);
            e[0]++;
            e[1] += s.state() == CommitmentState.COMPLETED ? 1 : 0;
            e[2] += Math.round(s.completion() * 10);
        });
        Map<String, long[]> actual = new TreeMap<>();
        rollupValues(h).forEach((key, r) -> {
            if (r.kind == Rollup.Kind.SECTOR && r.commitments > 0) {
                actual.put(key, new long[] {r.commitments, r.count(CommitmentState.COMPLETED), r.completionTenths});
            }
        });
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }

    private static Map<String, Rollup> rollupValues(Harness h) {
        Map<String, Rollup> out = new TreeMap<>();
        KeyValueStore<String, Rollup> store = h.store(StoreNames.ROLLUPS);
        try (KeyValueIterator<String, Rollup> it = store.all()) {
            it.forEachRemaining(kv -> out.put(kv.key, kv.value));
        }
        return out;
    }

    private static Map<String, String> rollups(Harness h) {
        Map<String, String> out = new TreeMap<>();
        rollupValues(h).forEach((k, r) -> out.put(k, describe(r)));
        return out;
    }

    private static Map<String, String> daily(Harness h) {
        Map<String, String> out = new TreeMap<>();
        KeyValueStore<Bytes, Rollup> store = h.store(StoreNames.ROLLUP_DAILY);
        try (KeyValueIterator<Bytes, Rollup> it = store.all()) {
            it.forEachRemaining(kv -> out.put(kv.key.toString(), describe(kv.value)));
        }
        return out;
    }

    private static long pending(Harness h) {
        KeyValueStore<Bytes, Rollup> store = h.store(StoreNames.ROLLUP_PENDING);
        long n = 0;
        try (KeyValueIterator<Bytes, Rollup> it = store.all()) {
            for (; it.hasNext(); it.next()) {
                n++;
            }
        }
        return n;
    }

    private static String describe(Rollup r) {
        return r.planId + "/" + r.kind + "/" + r.group + " n=" + r.commitments + " states=" + java.util.Arrays.toString(r.states)
                + " tenths=" + r.completionTenths + " verified=" + r.verifiedTenths + "/" + r.verifiedCount + " asOf=" + r.asOf;
    }
}
