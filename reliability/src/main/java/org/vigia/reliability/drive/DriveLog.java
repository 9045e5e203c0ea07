package org.vigia.reliability.drive;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the driver did: every update id it meant to send, those ingest accepted (202), and how often it had to retry. */
public final class DriveLog {
    private final Set<String> intended = ConcurrentHashMap.newKeySet();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicLong> retriesByStatus = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private volatile long startedNanos;
    private volatile long endedNanos;

    void intend(String updateId) {
        intended.add(updateId);
    }

    void accepted(String updateId) {
        accepted.add(updateId);
    }

    void request() {
        requests.incrementAndGet();
    }

    void retry(int status) {
        retriesByStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    void started() {
        startedNanos = System.nanoTime();
    }

    void ended() {
        endedNanos = System.nanoTime();
    }

    public Set<String> intended() {
        return Set.copyOf(intended);
    }

    public Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    public long requests() {
        return requests.get();
    }

    /** Retried answers by HTTP status (0 = no answer). */
    public Map<Integer, Long> retries() {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        retriesByStatus.forEach((s, n) -> out.put(s, n.get()));
        return out;
    }

    public double seconds() {
        return (endedNanos - startedNanos) / 1e9;
    }
}
