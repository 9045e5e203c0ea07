package org.vigia.alerts.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The in-memory view of the notification log: the latest record per key, as the compacted
 * topic holds it. Restored from the topic at start-up and kept current by
 * {@link NotificationJournal}; every stage that must know what was already sent asks it.
 */
public final class NotificationLog {
    private final Map<String, Notification> byKey = new HashMap<>();

    public synchronized void apply(Notification n) {
        byKey.put(n.key(), n);
    }

    public synchronized Optional<Notification> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public synchronized List<Notification> pending() {
        return byKey.values().stream().filter(n -> n.state() == State.PENDING).toList();
    }

    /** Every record about one subscriber and one alert. */
    public synchronized List<Notification> about(String subscriber, String alertId) {
        return byKey.values().stream()
                .filter(n -> n.subscriber().equals(subscriber) && n.alertId().equals(alertId)).toList();
    }

    /** Subscribers who were sent, or are about to be sent, the firing notification of an alert. */
    public synchronized List<String> firingRecipients(String alertId) {
        return byKey.values().stream()
                .filter(n -> n.alertId().equals(alertId) && (n.kind() == Kind.FIRING || n.kind() == Kind.ESCALATION))
                .filter(n -> n.state() == State.PENDING || n.state() == State.SENT)
                .map(Notification::subscriber).distinct().sorted().toList();
    }

    public synchronized List<Notification> snapshot() {
        return new ArrayList<>(byKey.values());
    }

    /** The delivery log, newest first, optionally narrowed to one subscriber and/or one alert. */
    public synchronized List<Notification> query(String subscriber, String alertId, int limit) {
        Stream<Notification> s = byKey.values().stream();
        if (subscriber != null) {
            s = s.filter(n -> n.subscriber().equals(subscriber));
        }
        if (alertId != null) {
            s = s.filter(n -> n.alertId().equals(alertId));
        }
        return s.sorted(Comparator.comparing((Notification n) -> n.doneAt() != null ? n.doneAt() : n.receivedAt())
                        .thenComparing(Notification::key).reversed())
                .limit(limit).toList();
    }

    public synchronized int size() {
        return byKey.size();
    }
}
