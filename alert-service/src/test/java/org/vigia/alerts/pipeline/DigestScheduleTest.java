package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.subscription.Delivery;

class DigestScheduleTest {
    private final DigestSchedule schedule = new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("America/Mexico_City"));

    @Test
    void theDailyDigestIsTheNextEightOClockInMexicoCityStrictlyAfterNow() {
        assertThat(schedule.next(Delivery.DAILY, Instant.parse("2026-05-11T13:59:59Z"))).isEqualTo(Instant.parse("2026-05-11T14:00:00Z"));
        assertThat(schedule.next(Delivery.DAILY, Instant.parse("2026-05-11T14:00:00Z"))).isEqualTo(Instant.parse("2026-05-12T14:00:00Z"));
    }

    @Test
    void theWeeklyDigestIsOnMondays() {
        // 2026-05-13 is a Wednesday.
        assertThat(schedule.next(Delivery.WEEKLY, Instant.parse("2026-05-13T10:00:00Z"))).isEqualTo(Instant.parse("2026-05-18T14:00:00Z"));
        assertThat(schedule.next(Delivery.WEEKLY, Instant.parse("2026-05-11T13:00:00Z"))).isEqualTo(Instant.parse("2026-05-11T14:00:00Z"));
        assertThat(schedule.next(Delivery.WEEKLY, Instant.parse("2026-05-11T15:00:00Z"))).isEqualTo(Instant.parse("2026-05-18T14:00:00Z"));
    }
}
