package org.vigia.processor.topology;

import org.vigia.events.Alert;

/**
 * Hooks for metrics. The topology calls them; it never reads them, so they cannot change
 * what it computes. The default does nothing (tests, replays).
 */
public interface TopologyObserver {
    TopologyObserver NONE = new TopologyObserver() {
    };

    default void tick(long tickEpochMillis) {
    }

    default void alert(Alert alert) {
    }

    /** A status was written because of an update whose Kafka record timestamp is given. */
    default void statusAfterUpdate(long updateRecordTimestamp) {
    }
}
