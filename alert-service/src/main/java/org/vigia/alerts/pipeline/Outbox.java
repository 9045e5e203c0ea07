package org.vigia.alerts.pipeline;

import java.util.HashSet;
import java.util.Set;
import org.vigia.alerts.notification.NotificationLog;

/**
 * What one task keeps for the subscribers it owns: their delivery log, their rate-limit
 * windows, and which deferred notifications were already counted as rate-limited. Built when
 * the task starts (from its restored store), dropped when the task moves to another instance.
 */
public final class Outbox {
    private final NotificationLog log;
    private final RateLimiter rateLimiter;
    private final Set<String> countedAsDeferred = new HashSet<>();

    public Outbox(NotificationLog log, RateLimiter rateLimiter) {
        this.log = log;
        this.rateLimiter = rateLimiter;
        rateLimiter.restore(log.all());
    }

    public NotificationLog log() {
        return log;
    }

    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** True the first time a notification is deferred by the rate limit. */
    boolean firstDeferral(String identity) {
        return countedAsDeferred.add(identity);
    }

    void sent(String identity) {
        countedAsDeferred.remove(identity);
    }
}
