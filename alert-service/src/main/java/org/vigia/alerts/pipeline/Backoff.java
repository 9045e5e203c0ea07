package org.vigia.alerts.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff after a failed attempt: the first retry after {@code initial}, then
 * twice as long each time, capped at {@code max}. The attempt count lives in the delivery log
 * with each recipient's copy, so the schedule survives a restart and moves with a failover.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** When to try again after the {@code attempts}-th failure (1 for the first). */
    public Instant retryAt(int attempts, Instant now) {
        Duration delay = initial.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 30));
        if (delay.compareTo(max) > 0 || delay.isNegative()) {
            delay = max;
        }
        return now.plus(delay);
    }
}
