package org.vigia.alerts.silence;

import java.time.Instant;
import org.vigia.alerts.subscription.Matchers;
import org.vigia.events.Alert;

/**
 * Mutes notifications matching {@link #matchers} between {@link #startsAt} and {@link #endsAt}.
 *
 * @param subscriber the only subscriber muted, or {@code null} for all (only an admin may create those)
 * @param createdBy the principal of the token that created it ({@code admin}, {@code cso:articulo19})
 */
public record Silence(
        String id,
        Matchers matchers,
        String subscriber,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        String comment,
        Instant createdAt) {

    public enum Status { PENDING, ACTIVE, EXPIRED }

    public Status status(Instant now) {
        if (now.isBefore(startsAt)) {
            return Status.PENDING;
        }
        return now.isBefore(endsAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    public boolean mutes(String subscriberId, Alert alert, Instant now) {
        return status(now) == Status.ACTIVE && (subscriber == null || subscriber.equals(subscriberId)) && matchers.matches(alert);
    }

    public Silence expiredAt(Instant now) {
        return new Silence(id, matchers, subscriber, startsAt.isAfter(now) ? now : startsAt, now, createdBy, comment, createdAt);
    }
}
