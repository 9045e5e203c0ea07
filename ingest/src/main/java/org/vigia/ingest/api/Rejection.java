package org.vigia.ingest.api;

import java.util.List;
import java.util.Locale;
import org.vigia.events.Violation;

/** A write request refused before anything reached Kafka: the HTTP status, the reason and what was wrong. */
public final class Rejection extends RuntimeException {

    public enum Reason {
        VALIDATION(400), UNAUTHORIZED(401), FORBIDDEN(403), UNKNOWN_COMMITMENT(404), TOO_LARGE(413),
        UNSUPPORTED_MEDIA(415), RATE_LIMITED(429);

        final int status;

        Reason(int status) {
            this.status = status;
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final transient List<Violation> violations;

    public Rejection(Reason reason, String message, List<Violation> violations) {
        super(message);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public Rejection(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public Reason reason() {
        return reason;
    }

    public int status() {
        return reason.status;
    }

    public List<Violation> violations() {
        return violations;
    }
}
