package org.vigia.alerts.log;

import java.time.Instant;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.Severity;

/**
 * One subscriber's notification about one alert, as kept in the compacted
 * {@code vigia.notification-log} topic under {@link #key()}. It is written {@link State#PENDING}
 * before the alert's offset is committed, and rewritten with its final state after the send, so
 * the log alone tells a restarted service what is still owed and what was already sent.
 * It carries the subscriber's id, never an email address.
 *
 * @param sequence the reminder number (1, 2, …); 0 for the other kinds
 * @param receivedAt service time at which it became pending
 * @param dueAt service time from which it may be sent (end of the group wait, or the digest time)
 * @param doneAt when it was sent, silenced, dropped or rejected; null while pending
 * @param alertTimestamp the Kafka timestamp of the alert record, for the alert-to-email latency
 */
public record Notification(
        String subscriber,
        String alertId,
        Kind kind,
        Severity severity,
        int sequence,
        Delivery delivery,
        State state,
        Alert alert,
        Instant receivedAt,
        Instant dueAt,
        Instant alertTimestamp,
        Instant doneAt,
        String messageId,
        String reason) {

    /**
     * The log key. A firing notification is keyed by severity too, so an escalation to
     * CRITICAL is a distinct notification while a replay of either is a duplicate; there is
     * one key per subscriber and alert for the resolution and one for the latest reminder.
     */
    public String key() {
        return switch (kind) {
            case FIRING, ESCALATION -> subscriber + "|" + alertId + "|" + AlertStatus.FIRING + "|" + severity;
            case RESOLVED -> subscriber + "|" + alertId + "|" + AlertStatus.RESOLVED;
            case REMINDER -> subscriber + "|" + alertId + "|REMINDER";
        };
    }

    /** What identifies this notification among all ever sent: the key, plus the reminder number. */
    public String identity() {
        return kind == Kind.REMINDER ? key() + "|" + sequence : key();
    }

    public boolean firing() {
        return kind != Kind.RESOLVED;
    }

    public Notification withState(State newState, Instant at, String newMessageId, String newReason) {
        return new Notification(subscriber, alertId, kind, severity, sequence, delivery, newState, alert, receivedAt, dueAt,
                alertTimestamp, at, newMessageId, newReason);
    }

    public static Notification pending(String subscriber, Alert alert, Kind kind, int sequence, Delivery delivery,
                                       Instant now, Instant dueAt, Instant alertTimestamp) {
        return new Notification(subscriber, alert.alertId(), kind, alert.severity(), sequence, delivery, State.PENDING, alert,
                now, dueAt, alertTimestamp, null, null, null);
    }
}
