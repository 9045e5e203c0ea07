package org.vigia.kit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code burst} requests at once, then {@code perSecond} a second.
 * Only authenticated callers get a bucket, so the map is bounded by the tokens file.
 * A rate of 0 means no limit. It lives in the kit because {@link RequestGuard} applies it right
 * after authentication, so any service's API can be limited the same way.
 */
public final class RateLimiter {
    /** No limit: every request is allowed. */
    public static final RateLimiter NONE = new RateLimiter(0, 0, System::nanoTime);

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        private double available;
        private long updated;

        Bucket(double available, long updated) {
            this.available = available;
            this.updated = updated;
        }
    }

    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    public static RateLimiter perSecond(double perSecond, int burst) {
        return new RateLimiter(perSecond, burst, System::nanoTime);
    }

    public double perSecond() {
        return perSecond;
    }

    /** Takes one request from the caller's bucket: 0 if allowed, else the whole seconds until one is available. */
    public long acquire(String caller) {
        if (perSecond <= 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        Bucket b = buckets.computeIfAbsent(caller, k -> new Bucket(burst, now));
        synchronized (b) {
            b.available = Math.min(burst, b.available + (now - b.updated) / 1e9 * perSecond);
            b.updated = now;
            if (b.available >= 1) {
                b.available -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.available) / perSecond));
        }
    }
}
