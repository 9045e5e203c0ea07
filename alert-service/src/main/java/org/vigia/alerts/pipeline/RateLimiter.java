package org.vigia.alerts.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationState;
import org.vigia.alerts.notification.Recipient;

/**
 * Stage: at most {@code perHour} emails per subscriber in any rolling hour. What exceeds it is
 * not dropped: it stays pending until the next allowed slot (an hour after the oldest email in
 * the window) and goes out then, merged with whatever else became due meanwhile, in one email.
 * A subscriber flooded by a mass replay thus gets a few longer emails instead of a hundred short
 * ones, and loses nothing. The window is rebuilt from the delivery log when a task starts.
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
    public Optional<Instant> nextSlot(String subscriber, Instant now) {
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

    public void recordSent(String subscriber, Instant at) {
        sent.computeIfAbsent(subscriber, s -> new ArrayDeque<>()).addLast(at);
    }

    /** Rebuilds the window from the log: one entry per distinct email (Message-ID) accepted. */
    public void restore(Iterable<Notification> log) {
        Set<String> seen = new HashSet<>();
        Map<String, List<Instant>> times = new HashMap<>();
        for (Notification n : log) {
            for (Recipient r : n.recipients()) {
                if (r.state() == NotificationState.SENT && r.doneAt() != null && seen.add(n.subscriber() + "|" + r.messageId())) {
                    times.computeIfAbsent(n.subscriber(), s -> new ArrayList<>()).add(r.doneAt());
                }
            }
        }
        times.forEach((subscriber, list) -> {
            list.sort(null);
            sent.put(subscriber, new ArrayDeque<>(list));
        });
    }
}
