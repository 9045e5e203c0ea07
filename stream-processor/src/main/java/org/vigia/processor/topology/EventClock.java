package org.vigia.processor.topology;

import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A processor's "now": the largest event time it has read, kept in a store so it survives
 * restarts and rebalances. It only moves forward and is written only when it moves.
 */
final class EventClock {
    private static final String NOW = "now";

    private final KeyValueStore<String, Long> store;

    EventClock(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    /** Moves the clock to {@code timestamp} if that is later, and returns the clock's time. */
    Instant advance(long timestamp) {
        Long current = store.get(NOW);
        long now = current == null ? timestamp : Math.max(current, timestamp);
        if (current == null || now != current) {
            store.put(NOW, now);
        }
        return Instant.ofEpochMilli(now);
    }
}
