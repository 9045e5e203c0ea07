package org.vigia.processor.topology;

import java.util.function.Function;
import org.apache.kafka.streams.kstream.Aggregator;
import org.vigia.events.CommitmentState;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.SectorCompletion;

/**
 * Adds and subtracts commitment statuses to a {@link Rollup}: the KTable aggregation calls the
 * subtractor with a commitment's old status and the adder with its new one, so the counts
 * always describe each commitment's latest status exactly once.
 */
public final class RollupAggregator {
    private final Function<CommitmentStatus, String> group;

    public RollupAggregator(Function<CommitmentStatus, String> group) {
        this.group = group;
    }

    public Aggregator<String, CommitmentStatus, Rollup> adder() {
        return (key, status, rollup) -> {
            rollup.planId = status.planId();
            rollup.group = group.apply(status);
            rollup.commitments++;
            rollup.states.merge(status.state().name(), 1, Integer::sum);
            rollup.sumCompletion += status.completion();
            if (rollup.asOf == null || status.asOf().isAfter(rollup.asOf)) {
                rollup.asOf = status.asOf();
            }
            return rollup;
        };
    }

    public Aggregator<String, CommitmentStatus, Rollup> subtractor() {
        return (key, status, rollup) -> {
            rollup.commitments = Math.max(0, rollup.commitments - 1);
            rollup.states.computeIfPresent(status.state().name(), (s, n) -> n <= 1 ? null : n - 1);
            rollup.sumCompletion -= status.completion();
            if (rollup.commitments == 0) {
                rollup.sumCompletion = 0;
            }
            return rollup;
        };
    }

    public static SectorCompletion toSectorCompletion(Rollup r) {
        return new SectorCompletion(r.planId, r.group, r.commitments, r.count(CommitmentState.COMPLETED.name()),
                r.count(CommitmentState.STALLED.name()), r.count(CommitmentState.AT_RISK.name()),
                r.count(CommitmentState.OVERDUE.name()), r.meanCompletion(), r.asOf);
    }
}
