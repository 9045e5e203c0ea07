package org.vigia.alerts.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.notification.NotificationLog;
import org.vigia.alerts.notification.NotificationState;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;

/**
 * Stage: one email per subscriber, alert and status, across replays, restarts and failovers,
 * decided against the subscriber's delivery log.
 *
 * <p>At intake it decides what an arriving alert is for the subscriber: a one-off
 * {@link NotificationKind#NOTICE}; the {@link NotificationKind#FIRING} of an episode; an
 * {@link NotificationKind#ESCALATION} if the subscriber already has the episode at a lower
 * severity; a {@link NotificationKind#RESOLVED} if it has the opening — or nothing, when the
 * log already holds the same or more (a replay of a silenced alert stays silenced, a WARNING
 * replayed after the CRITICAL is not news).
 */
public final class Deduper {

    /** The notification owed for this alert, or empty if the log already covers it or nothing is owed. */
    public Optional<NotificationKind> kindFor(Alert alert, String subscriber, NotificationLog log) {
        List<Notification> about = log.about(subscriber, alert.alertId());
        if (alert.status() == AlertStatus.RESOLVED) {
            boolean opened = about.stream().anyMatch(n -> n.kind().opening()
                    && (n.state() == NotificationState.PENDING || n.state().delivered()));
            boolean resolved = about.stream().anyMatch(n -> n.kind() == NotificationKind.RESOLVED);
            return opened && !resolved ? Optional.of(NotificationKind.RESOLVED) : Optional.empty();
        }
        if (Router.NOTICES.contains(alert.type())) {
            return about.stream().anyMatch(n -> n.kind() == NotificationKind.NOTICE)
                    ? Optional.empty() : Optional.of(NotificationKind.NOTICE);
        }
        if (about.stream().anyMatch(n -> n.kind().opening() && n.severity().compareTo(alert.severity()) >= 0)) {
            return Optional.empty();
        }
        boolean lower = about.stream().anyMatch(n -> n.kind().opening());
        return Optional.of(lower ? NotificationKind.ESCALATION : NotificationKind.FIRING);
    }

    /** Why nothing is owed for an alert the log already covers: for the suppressed counter. */
    public String whyNot(Alert alert, String subscriber, NotificationLog log) {
        if (alert.status() == AlertStatus.RESOLVED && log.about(subscriber, alert.alertId()).stream()
                .noneMatch(n -> n.kind() == NotificationKind.RESOLVED)) {
            return "not_told_of_opening";
        }
        return "duplicate";
    }

    /**
     * At send time: is this pending notification still owed? A resolution is owed only if its
     * opening was delivered (it may have been silenced meanwhile) or goes out in the same email;
     * a reminder only while the episode has not resolved; nothing to a subscriber without addresses.
     */
    public boolean stillOwed(Notification pending, Collection<Notification> batch, NotificationLog log, Subscription to) {
        if (to.emails().isEmpty()) {
            return false;
        }
        return switch (pending.kind()) {
            case FIRING, ESCALATION, NOTICE -> true;
            case RESOLVED -> log.about(pending.subscriber(), pending.alertId()).stream()
                    .anyMatch(n -> n.kind().opening() && n.state().delivered())
                    || batch.stream().anyMatch(n -> n.alertId().equals(pending.alertId()) && n.kind().opening());
            case REMINDER -> log.about(pending.subscriber(), pending.alertId()).stream()
                    .noneMatch(n -> n.kind() == NotificationKind.RESOLVED);
        };
    }
}
