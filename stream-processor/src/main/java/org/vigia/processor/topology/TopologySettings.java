package org.vigia.processor.topology;

import org.vigia.events.Topics;

/**
 * What building the topology needs: topic names, thresholds, the partition count of the
 * input topics (the internal membership topic is read by the same sub-topology that writes
 * it, so its partition count is given, equal to the inputs'), and metric hooks.
 */
public record TopologySettings(Topics topics, Thresholds thresholds, int partitions, TopologyObserver observer) {

    public TopologySettings {
        observer = observer == null ? TopologyObserver.NONE : observer;
    }

    public static TopologySettings defaults(Topics topics) {
        return new TopologySettings(topics, Thresholds.defaults(), 1, TopologyObserver.NONE);
    }
}
