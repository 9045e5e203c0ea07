package org.vigia.alerts.pipeline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.vigia.alerts.subscription.Delivery;

/**
 * When digests go out: every day at {@code VIGIA_DIGEST_TIME} in {@code VIGIA_DIGEST_ZONE}
 * (default 08:00 America/Mexico_City, before the working day), and weekly on Mondays at the
 * same time. Daylight-saving gaps resolve as {@link ZonedDateTime} does (the later offset).
 */
public final class DigestSchedule {
    private final LocalTime time;
    private final ZoneId zone;

    public DigestSchedule(LocalTime time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    /** The first digest time strictly after {@code now} for this delivery. */
    public Instant next(Delivery delivery, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime candidate = local.with(time);
        if (delivery == Delivery.WEEKLY) {
            candidate = candidate.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        }
        if (!candidate.toInstant().isAfter(now)) {
            candidate = delivery == Delivery.WEEKLY
                    ? candidate.plusWeeks(1)
                    : candidate.plusDays(1);
            candidate = candidate.with(time);
        }
        return candidate.toInstant();
    }
}
