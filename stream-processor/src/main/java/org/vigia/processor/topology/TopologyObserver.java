package org.vigia.processor.topology;

import org.vigia.events.Alert;

/**
 * Hooks for metrics. The topology calls them; it never reads them, so they cannot change
 * what it computes. The default does nothing (tests, replays).
 */
public interface TopologyObserver {
    TopologyObserver NONE = new TopologyObserver() {
    };

    /** A clock tick moved a judge task's stream time to {@code streamTimeMillis}. */
    default void tick(long streamTimeMillis) {
    }

    /** A judge task read a tick before the records it follows, and holds it until it has read them. */
    default void tickHeld() {
    }

    /** A judge task read a report or registry version before the record it follows, and holds it. */
    default void recordHeld() {
    }

    /**
     * A judge task judged what had come due: {@code woken} commitments were looked at, in
     * {@code nanos} of processing time (wall clock, for the metric only; the topology never reads it).
     */
    default void dueJudged(int woken, long nanos) {
    }

    default void alert(Alert alert) {
    }

    /** A status was written because of an update whose Kafka record timestamp is given. */
    default void statusAfterUpdate(long updateRecordTimestamp) {
    }

    /** A record arrived behind its task's watermark (stream time minus the grace): applied, but late. */
    default void late(String input) {
    }

    /** A progress update whose (commitmentId, reporter, updateId) was seen before: ignored. */
    default void duplicate() {
    }
}
