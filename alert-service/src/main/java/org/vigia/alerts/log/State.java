package org.vigia.alerts.log;

/** Where a notification stands. Only {@link #PENDING} ones are still to be sent. */
public enum State {
    /** Durably accepted, waiting for its group, digest, rate-limit slot or a retry. */
    PENDING,
    SENT,
    /** Matched an active silence when it was due; not sent. */
    SILENCED,
    /** Will not be sent: the subscriber was removed, or a resolution whose firing was never sent. */
    DROPPED,
    /** The SMTP server refused the recipients permanently. */
    REJECTED;

    public boolean done() {
        return this != PENDING;
    }
}
