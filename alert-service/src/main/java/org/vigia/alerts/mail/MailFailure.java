package org.vigia.alerts.mail;

/**
 * A send that did not go through. {@link #permanent()} failures (every recipient refused with
 * a 5xx) are not retried; everything else (server down, timeouts, 4xx, authentication) is.
 *
 * @see #reason() a low-cardinality tag: connection, auth, rejected, smtp
 */
public class MailFailure extends Exception {
    private final String reason;
    private final boolean permanent;

    public MailFailure(String reason, boolean permanent, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.permanent = permanent;
    }

    public String reason() {
        return reason;
    }

    public boolean permanent() {
        return permanent;
    }
}
