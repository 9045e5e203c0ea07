package org.vigia.alerts.notification;

/** Where a notification (or one recipient's copy of it) stands. Only {@link #PENDING} is still to be sent. */
public enum NotificationState {
    /** Durably accepted, waiting for its group, digest, rate-limit slot or a retry. */
    PENDING,
    /** Accepted by the SMTP server for every recipient. */
    SENT,
    /** Accepted for some recipients and refused permanently (5xx) for the others. */
    PARTLY_FAILED,
    /** Refused permanently (5xx) for every recipient. */
    FAILED,
    /** Matched an active silence when it was due; not sent. */
    SILENCED,
    /** Will not be sent: the subscriber was removed, or it is no longer owed (a resolution whose opening was never sent). */
    DROPPED;

    public boolean done() {
        return this != PENDING;
    }

    /** Reached at least one recipient. */
    public boolean delivered() {
        return this == SENT || this == PARTLY_FAILED;
    }
}
