package org.vigia.alerts.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigia.alerts.log.Notification;
import org.vigia.alerts.log.State;

/**
 * Stage: at most {@code perHour} emails per subscriber in any rolling hour. What exceeds it is
 * not dropped: it stays pending until the next allowed slot (an hour after the oldest email in
 * the window) and goes out then, merged with whatever else became due meanwhile, in one email.
 * A subscriber flooded by a mass replay thus gets a few longer emails instead of a hundred short
 * ones, and loses nothing. The window is rebuilt from the notification log at start-up.
 */
public final class RateLimiter {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perHour;
    private final Map<String, Deque<Instant>> sent = new HashMap<>();

    /** @param perHour 0 means unlimited */
    public RateLimiter(int perHour) {
        this.perHour = perHour;
    }

    /** Empty if the subscriber may be sent an email now; otherwise the first instant it may. */
    public synchronized Optional<Instant> nextSlot(String subscriber, Instant now) {
        if (perHour == 0) {
            return Optional.empty();
        }
        Deque<Instant> times = sent.getOrDefault(subscriber, new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.pollFirst();
        }
        if (times.size() < perHour) {
            return Optional.empty();
        }
        return Optional.of(times.peekFirst().plus(WINDOW));
    }

    public synchronized void recordSent(String subscriber, Instant at) {
        sent.computeIfAbsent(subscriber, s -> new ArrayDeque<>()).addLast(at);
    }

    /** Rebuilds the window from the log: one entry per distinct email (Message-ID) sent. */
    public synchronized void restore(Iterable<Notification> log) {
        Set<String> seen = new HashSet<>();
        Map<String, java.util.List<Instant>> times = new HashMap<>();
        for (Notification n : log) {
            if (n.state() == State.SENT && n.doneAt() != null && seen.add(n.subscriber() + "|" + n.messageId())) {
                times.computeIfAbsent(n.subscriber(), s -> new java.util.ArrayList<>()).add(n.doneAt());
            }
        }
        times.forEach((subscriber, list) -> {
            list.sort(null);
            sent.put(subscriber, new ArrayDeque<>(list));
        });
    }
}
