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
 */
public record TopologySettings(Topics topics, Thresholds thresholds, int partitions, Duration grace,
                               Duration historyRetention, boolean dueIndex, TopologyObserver observer) {

    public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(3650);

    public TopologySettings {
        observer = observer == null ? TopologyObserver.NONE : observer;
    }

    public static TopologySettings defaults(Topics topics) {
        return new TopologySettings(topics, Thresholds.defaults(), 1, Duration.ZERO, DEFAULT_HISTORY_RETENTION, true,
                TopologyObserver.NONE);
    }

    public TopologySettings withGrace(Duration g) {
        return new TopologySettings(topics, thresholds, partitions, g, historyRetention, dueIndex, observer);
    }

    public TopologySettings withDueIndex(boolean on) {
        return new TopologySettings(topics, thresholds, partitions, grace, historyRetention, on, observer);
    }

    public TopologySettings withThresholds(Thresholds t) {
        return new TopologySettings(topics, t, partitions, grace, historyRetention, dueIndex, observer);
    }
}
