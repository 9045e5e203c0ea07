package org.vigia.alerts.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.Severity;

/**
 * One subscriber's notification about one alert, as the delivery log keeps it under
 * {@link #key()}: written {@link NotificationState#PENDING} before the offset of its alert
 * is committed, and rewritten as each recipient's copy is sent, refused or retried, so the log
 * alone tells any instance that takes over the subscriber what is still owed and what was
 * already sent. It names the subscriber and each recipient by a digest, never by address.
 *
 * @param sequence the reminder number (1, 2, …); 0 for the other kinds
 * @param receivedAt service time at which it became pending
 * @param dueAt service time from which it may be sent (end of the group wait, or the digest time)
 * @param alertTimestamp the Kafka timestamp of the alert record, for the alert-to-email latency
 * @param doneAt when it stopped being pending; null while pending
 * @param reason why it was silenced or dropped
 */
public record Notification(
        String subscriber,
        String alertId,
        NotificationKind kind,
        Severity severity,
        int sequence,
        Delivery delivery,
        NotificationState state,
        Alert alert,
        Instant receivedAt,
        Instant dueAt,
        Instant alertTimestamp,
        Instant doneAt,
        String reason,
        List<Recipient> recipients) {

    public Notification {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /**
     * The log key. An opening is keyed by severity too, so an escalation to CRITICAL is a
     * distinct notification while a replay of either is a duplicate; there is one key per
     * subscriber and alert for the notice, the resolution and the latest reminder.
     */
    public String key() {
        return switch (kind) {
            case FIRING, ESCALATION -> keyPrefix(subscriber) + alertId + "|" + AlertStatus.FIRING + "|" + severity;
            case NOTICE -> keyPrefix(subscriber) + alertId + "|NOTICE";
            case RESOLVED -> keyPrefix(subscriber) + alertId + "|" + AlertStatus.RESOLVED;
            case REMINDER -> keyPrefix(subscriber) + alertId + "|REMINDER";
        };
    }

    /** Every key of a subscriber starts with this, so the log can be scanned per subscriber. */
    public static String keyPrefix(String subscriber) {
        return subscriber + "|";
    }

    /** What identifies this notification among all ever sent: the key, plus the reminder number. */
    public String identity() {
        return kind == NotificationKind.REMINDER ? key() + "|" + sequence : key();
    }

    public static Notification pending(String subscriber, Alert alert, NotificationKind kind, int sequence, Delivery delivery,
                                       Instant now, Instant dueAt, Instant alertTimestamp, List<String> addresses) {
        return new Notification(subscriber, alert.alertId(), kind, alert.severity(), sequence, delivery,
                NotificationState.PENDING, alert, now, dueAt, alertTimestamp, null, null,
                addresses.stream().map(Recipient::pending).toList());
    }

    /** Closed without being sent (silenced, dropped): every recipient's copy too. */
    public Notification closed(NotificationState newState, Instant at, String why) {
        return new Notification(subscriber, alertId, kind, severity, sequence, delivery, newState, alert, receivedAt, dueAt,
                alertTimestamp, at, why, recipients);
    }

    /** This notification with some recipients' copies replaced (by id), its state following theirs. */
    public Notification withRecipients(Map<String, UnaryOperator<Recipient>> changes, Instant at) {
        List<Recipient> updated = new ArrayList<>();
        for (Recipient r : recipients) {
            UnaryOperator<Recipient> change = changes.get(r.id());
            updated.add(change == null ? r : change.apply(r));
        }
        NotificationState overall = overall(updated);
        return new Notification(subscriber, alertId, kind, severity, sequence, delivery, overall, alert, receivedAt, dueAt,
                alertTimestamp, overall.done() ? at : null, reason, updated);
    }

    private static NotificationState overall(List<Recipient> recipients) {
        if (recipients.stream().anyMatch(r -> r.state() == NotificationState.PENDING)) {
            return NotificationState.PENDING;
        }
        long sent = recipients.stream().filter(r -> r.state() == NotificationState.SENT).count();
        long failed = recipients.stream().filter(r -> r.state() == NotificationState.FAILED).count();
        if (failed == 0) {
            return sent == 0 ? NotificationState.DROPPED : NotificationState.SENT;
        }
        return sent == 0 ? NotificationState.FAILED : NotificationState.PARTLY_FAILED;
    }

    /** The copies still owed and due now. */
    public List<Recipient> dueRecipients(Instant now) {
        return recipients.stream().filter(r -> r.dueAt(now)).toList();
    }

    /** Waiting for a retry: some copy failed temporarily and is still owed. */
    public boolean retrying() {
        return state == NotificationState.PENDING
                && recipients.stream().anyMatch(r -> r.state() == NotificationState.PENDING && r.attempts() > 0);
    }

    /** When the email was (last) accepted for any recipient, or null. */
    public Instant deliveredAt() {
        return recipients.stream().filter(r -> r.state() == NotificationState.SENT).map(Recipient::doneAt)
                .max(Instant::compareTo).orElse(null);
    }
}
