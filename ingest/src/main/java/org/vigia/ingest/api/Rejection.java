package org.vigia.ingest.api;

import java.util.List;
import java.util.Locale;
import org.vigia.events.Violation;
import org.vigia.kit.RequestRefused;

/**
 * A write request refused before anything reached Kafka, by ingest's own policy (an unknown
 * commitment, another agency's commitment). It is the kit's {@link RequestRefused}, so it is
 * answered like the refusals of the kit's request guard; the {@link Reason} names the refusal
 * for the {@code vigia.ingest.updates.rejected} counter.
 */
public final class Rejection extends RequestRefused {

    /** Why a write was refused; one tag of the rejection counter per HTTP status ingest refuses with. */
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

        /** The reason of a refusal with this status, whichever check (kit guard or ingest) refused it. */
        public static Reason of(int status) {
            for (Reason r : values()) {
                if (r.status == status) {
                    return r;
                }
            }
            throw new IllegalArgumentException("ingest does not refuse with status " + status);
        }
    }

    private final Reason reason;

    public Rejection(Reason reason, String message, List<Violation> violations) {
        super(reason.status, message, violations);
        this.reason = reason;
    }

    public Rejection(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public Reason reason() {
        return reason;
    }
}
