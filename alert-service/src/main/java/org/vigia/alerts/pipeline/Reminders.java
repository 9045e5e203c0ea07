package org.vigia.alerts.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.notification.NotificationLog;
import org.vigia.alerts.notification.NotificationState;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.alerts.subscription.Subscriptions;

/**
 * Stage: reminders, for open episodes only. An episode an immediate subscriber was told of
 * (a FIRING or ESCALATION delivered), that has not resolved, is due a reminder
 * {@code repeatInterval} after the last email about it (the opening or the last reminder; a
 * silenced reminder counts too, so a long silence does not end in a burst). One-off notices
 * (RESUMED, COMPLETED, SCOPE_REDUCED) are never reminded; digest subscribers get no reminders.
 */
public final class Reminders {
    private final Duration repeatInterval;
    private final Grouper grouper;

    /** @param repeatInterval zero turns reminders off */
    public Reminders(Duration repeatInterval, Grouper grouper) {
        this.repeatInterval = repeatInterval;
        this.grouper = grouper;
    }

    /** The reminders due now, as new pending notifications. */
    public List<Notification> due(NotificationLog log, Subscriptions subscriptions, Instant now) {
        List<Notification> reminders = new ArrayList<>();
        if (repeatInterval.isZero()) {
            return reminders;
        }
        for (List<Notification> episode : log.episodes()) {
            reminder(episode, subscriptions, now).ifPresent(reminders::add);
        }
        return reminders;
    }

    private Optional<Notification> reminder(List<Notification> records, Subscriptions subscriptions, Instant now) {
        boolean open = records.stream().noneMatch(n -> n.kind() == NotificationKind.RESOLVED
                || n.kind() == NotificationKind.NOTICE || n.state() == NotificationState.PENDING);
        Optional<Notification> opening = records.stream()
                .filter(n -> n.kind().opening() && n.state().delivered())
                .max(Comparator.comparing(Notification::severity));
        if (!open || opening.isEmpty()) {
            return Optional.empty();
        }
        Optional<Subscription> subscription = subscriptions.byId(opening.get().subscriber());
        if (subscription.isEmpty() || subscription.get().delivery().digest()) {
            return Optional.empty();
        }
        Instant last = records.stream()
                .filter(n -> n.kind() != NotificationKind.RESOLVED && (n.state().delivered() || n.state() == NotificationState.SILENCED))
                .map(Notification::doneAt).filter(t -> t != null).max(Comparator.naturalOrder()).orElseThrow();
        if (last.plus(repeatInterval).isAfter(now)) {
            return Optional.empty();
        }
        int sequence = records.stream().filter(n -> n.kind() == NotificationKind.REMINDER)
                .mapToInt(Notification::sequence).max().orElse(0) + 1;
        Notification f = opening.get();
        return Optional.of(Notification.pending(f.subscriber(), f.alert(), NotificationKind.REMINDER, sequence,
                subscription.get().delivery(), now, grouper.dueAt(subscription.get().delivery(), NotificationKind.REMINDER, now),
                f.alertTimestamp(), subscription.get().emails()));
    }
}
