package org.vigia.alerts.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.subscription.Delivery;

/**
 * Stage: one email per subscriber for what is owed together. A notification for an immediate
 * subscriber is due {@code groupWait} after it arrived (a reminder at once); for a digest
 * subscriber at the next digest time. When a subscriber's earliest pending notification is due,
 * every pending notification of that subscriber goes in the same email: alerts that arrived
 * during the wait join the group, and what waited for a rate-limit slot or a retry is merged.
 */
public final class Grouper {
    private final Duration groupWait;
    private final DigestSchedule digests;

    public Grouper(Duration groupWait, DigestSchedule digests) {
        this.groupWait = groupWait;
        this.digests = digests;
    }

    public Instant dueAt(Delivery delivery, NotificationKind kind, Instant now) {
        if (delivery.digest()) {
            return digests.next(delivery, now);
        }
        return kind == NotificationKind.REMINDER ? now : now.plus(groupWait);
    }

    /** Every subscriber's pending notifications, one list per subscriber, each in arrival order. */
    public List<List<Notification>> bySubscriber(List<Notification> pending) {
        Map<String, List<Notification>> bySubscriber = new TreeMap<>();
        pending.forEach(n -> bySubscriber.computeIfAbsent(n.subscriber(), s -> new ArrayList<>()).add(n));
        bySubscriber.values().forEach(g -> g.sort(Comparator.comparing(Notification::receivedAt).thenComparing(Notification::identity)));
        return new ArrayList<>(bySubscriber.values());
    }

    /** The groups due at {@code now}, one per subscriber, each in arrival order. */
    public List<List<Notification>> due(List<Notification> pending, Instant now) {
        Map<String, List<Notification>> bySubscriber = new TreeMap<>();
        pending.forEach(n -> bySubscriber.computeIfAbsent(n.subscriber(), s -> new ArrayList<>()).add(n));
        List<List<Notification>> groups = new ArrayList<>();
        for (List<Notification> group : bySubscriber.values()) {
            if (group.stream().anyMatch(n -> !n.dueAt().isAfter(now))) {
                group.sort(Comparator.comparing(Notification::receivedAt).thenComparing(Notification::identity));
                groups.add(group);
            }
        }
        return groups;
    }
}
