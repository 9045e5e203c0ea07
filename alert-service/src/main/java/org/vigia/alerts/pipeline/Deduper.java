package org.vigia.alerts.pipeline;

import java.util.Collection;
import org.vigia.alerts.log.Kind;
import org.vigia.alerts.log.Notification;
import org.vigia.alerts.log.NotificationLog;
import org.vigia.alerts.log.State;

/**
 * Stage: one email per subscriber, alert and status, across replays and restarts, decided
 * against the notification log.
 *
 * <p>A firing notification is a duplicate if the subscriber already has one for the alert at
 * the same or a higher severity (in any state: a replay of an alert muted by a silence stays
 * muted). So the stall re-emitted as CRITICAL is told once more, as an escalation, but a
 * replayed WARNING after the CRITICAL is not. A resolution is a duplicate if one exists; a
 * reminder if one with the same or a later number exists.
 */
public final class Deduper {

    /** At intake: is this candidate notification new? */
    public boolean isNew(Notification candidate, NotificationLog log) {
        return log.about(candidate.subscriber(), candidate.alertId()).stream().noneMatch(n -> covers(n, candidate));
    }

    private static boolean covers(Notification existing, Notification candidate) {
        return switch (candidate.kind()) {
            case FIRING, ESCALATION -> (existing.kind() == Kind.FIRING || existing.kind() == Kind.ESCALATION)
                    && existing.severity().compareTo(candidate.severity()) >= 0;
            case RESOLVED -> existing.kind() == Kind.RESOLVED;
            case REMINDER -> existing.kind() == Kind.REMINDER && existing.sequence() >= candidate.sequence();
        };
    }

    /**
     * At send time: is this pending notification still owed? A resolution is owed only if its
     * firing notification was sent (it may have been silenced meanwhile) or goes out in the same
     * email; a reminder only while the alert has not resolved.
     */
    public boolean stillOwed(Notification pending, Collection<Notification> batch, NotificationLog log) {
        return switch (pending.kind()) {
            case FIRING, ESCALATION -> true;
            case RESOLVED -> log.about(pending.subscriber(), pending.alertId()).stream()
                    .anyMatch(n -> n.firing() && n.kind() != Kind.REMINDER && n.state() == State.SENT)
                    || batch.stream().anyMatch(n -> n.alertId().equals(pending.alertId()) && n.firing() && n != pending);
            case REMINDER -> log.about(pending.subscriber(), pending.alertId()).stream()
                    .noneMatch(n -> n.kind() == Kind.RESOLVED);
        };
    }
}
