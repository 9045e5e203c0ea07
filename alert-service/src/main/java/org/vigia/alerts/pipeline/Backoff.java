package org.vigia.alerts.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Exponential backoff per subscriber after failed sends: the first retry after
 * {@code initial}, then twice as long each time, capped at {@code max}. A success resets it.
 */
public final class Backoff {
    private record Failing(int failures, Instant retryAt) {
    }

    private final Duration initial;
    private final Duration max;
    private final Map<String, Failing> failing = new HashMap<>();

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    public synchronized boolean mayTry(String subscriber, Instant now) {
        Failing f = failing.get(subscriber);
        return f == null || !now.isBefore(f.retryAt());
    }

    /** Records a failure and returns when to retry. */
    public synchronized Instant failed(String subscriber, Instant now) {
        int failures = failing.containsKey(subscriber) ? failing.get(subscriber).failures() + 1 : 1;
        Duration delay = initial.multipliedBy(1L << Math.min(failures - 1, 30));
        if (delay.compareTo(max) > 0 || delay.isNegative()) {
            delay = max;
        }
        Instant retryAt = now.plus(delay);
        failing.put(subscriber, new Failing(failures, retryAt));
        return retryAt;
    }

    public synchronized void succeeded(String subscriber) {
        failing.remove(subscriber);
    }

    public synchronized boolean isFailing(String subscriber) {
        return failing.containsKey(subscriber);
    }
}
