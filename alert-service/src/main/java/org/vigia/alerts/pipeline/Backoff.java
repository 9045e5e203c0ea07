package org.vigia.alerts.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * The retry schedule after a failed send: the first retry after {@code initial}, then twice as
 * long each time, capped at {@code max}. Only the policy lives here (attempts are counted from
 * 1, the first failure); the arithmetic is the service kit's {@link org.vigia.kit.Backoff}, the
 * one every service uses. The attempt count lives in the delivery log with each recipient's
 * copy, so the schedule survives a restart and moves with a failover.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** When to try again after the {@code attempts}-th failure (1 for the first; less counts as 1). */
    public Instant retryAt(int attempts, Instant now) {
        return now.plus(org.vigia.kit.Backoff.exponential(initial, Math.max(attempts, 1) - 1, max));
    }
}
