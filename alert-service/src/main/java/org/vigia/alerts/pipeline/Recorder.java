package org.vigia.alerts.pipeline;

import java.time.Instant;
import java.util.List;
import org.vigia.alerts.log.Notification;
import org.vigia.alerts.log.NotificationJournal;
import org.vigia.alerts.log.State;

/**
 * Last stage: writes the outcome of each notification to the notification log, so dedupe,
 * reminders, resolutions and the rate limit know about it after a restart. It is written
 * right after the SMTP server accepted the email; a crash in between re-sends that one email
 * with the same Message-ID (at-least-once at the SMTP boundary cannot be avoided).
 */
public final class Recorder {
    private final NotificationJournal journal;

    public Recorder(NotificationJournal journal) {
        this.journal = journal;
    }

    public void sent(List<Notification> group, Instant at, String messageId) {
        journal.append(group.stream().map(n -> n.withState(State.SENT, at, messageId, null)).toList());
    }

    public void closed(List<Notification> notifications, State state, Instant at, String reason) {
        journal.append(notifications.stream().map(n -> n.withState(state, at, null, reason)).toList());
    }
}
