package org.vigia.processor.topology;

import java.time.Duration;
import org.vigia.events.Topics;

/**
 * What building the topology needs — and nothing else: no I/O, no clock, no environment.
 *
 * @param partitions       partition count of the input topics (the internal topics the judge
 *                         writes for the heat must match the news topic's)
 * @param grace            how far behind its stream time a judge task judges time-driven alerts:
 *                         a deadline fires once stream time has passed it by this much
 * @param historyRetention how long per-commitment history, daily points and alerts are kept
 * @param dueIndex         judge only the commitments whose deadline has come (true), or scan
 *                         every commitment at each advance of time (false: for differential tests)
 * @param rollupFlush      how often (wall clock) a judge task sends the roll-up sums it has
 *                         gathered; the processor gives its commit interval
 */
public record TopologySettings(Topics topics, Thresholds thresholds, int partitions, Duration grace,
                               Duration historyRetention, boolean dueIndex, Duration rollupFlush,
                               TopologyObserver observer) {

    public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(3650);
    public static final Duration DEFAULT_ROLLUP_FLUSH = Duration.ofMillis(100);

    public TopologySettings {
        observer = observer == null ? TopologyObserver.NONE : observer;
        if (rollupFlush == null || rollupFlush.isNegative() || rollupFlush.isZero()) {
            throw new IllegalArgumentException("rollupFlush must be a positive duration, got " + rollupFlush);
        }
    }

    public static TopologySettings defaults(Topics topics) {
        return new TopologySettings(topics, Thresholds.defaults(), 1, Duration.ZERO, DEFAULT_HISTORY_RETENTION, true,
                DEFAULT_ROLLUP_FLUSH, TopologyObserver.NONE);
    }

    public TopologySettings withGrace(Duration g) {
        return new TopologySettings(topics, thresholds, partitions, g, historyRetention, dueIndex, rollupFlush, observer);
    }

    public TopologySettings withDueIndex(boolean on) {
        return new TopologySettings(topics, thresholds, partitions, grace, historyRetention, on, rollupFlush, observer);
    }

    public TopologySettings withThresholds(Thresholds t) {
        return new TopologySettings(topics, t, partitions, grace, historyRetention, dueIndex, rollupFlush, observer);
    }
}
