package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.update;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Source;

/** A time-driven alert fires once stream time has passed its deadline by the grace, dated by the deadline. */
class GraceTest {
    private final Harness h = new Harness(Thresholds.defaults(), Duration.ofDays(1), true);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aStallWaitsForTheGraceAndIsDatedByItsDeadline() {
        h.register(commitment("c1")).tick("2014-04-01").tick(Instant.parse("2014-04-01T23:59:59Z"));
        assertThat(h.alerts(AlertType.STALLED)).isEmpty();

        h.tick("2014-04-02");

        Alert stall = h.alerts(AlertType.STALLED).get(0);
        assertThat(stall.alertId()).isEqualTo("c1:STALLED:2014-04-01");
        assertThat(stall.raisedAt()).isEqualTo(day("2014-04-01"));
    }

    @Test
    void aReportInsideTheGraceIsJudgedAfterTheDeadlineItFollows() {
        // The tick of the next day is read before a report of the day it closes, as can happen
        // when a consumer sees one partition's transaction marker before another's.
        h.register(commitment("c1")).tick("2014-04-02");
        h.report(update("u1", "c1", null, 20, Source.AGENCY, Instant.parse("2014-04-01T11:00:00Z"), null, null));
        h.tick("2014-04-03");

        assertThat(h.alerts()).extracting(a -> a.alertId() + " " + a.status()).containsSubsequence(
                "c1:STALLED:2014-04-01 FIRING", "c1:RESUMED:2014-04-01 FIRING", "c1:STALLED:2014-04-01 RESOLVED");
        assertThat(h.late).isEmpty();
    }

    @Test
    void aReportBeyondTheGraceIsCountedLateAndAppliedWhereTheTimelineStands() {
        h.register(commitment("c1")).tick("2014-04-05");
        assertThat(h.alerts(AlertType.STALLED, AlertStatus.FIRING)).hasSize(1);

        h.report(update("u1", "c1", null, 20, Source.AGENCY, day("2014-03-20"), null, null));

        assertThat(h.late).containsExactly("progress");
        assertThat(h.alerts(AlertType.STALLED, AlertStatus.FIRING)).hasSize(1); // nothing is retracted
        Alert resumed = h.alerts(AlertType.RESUMED).get(0);
        assertThat(resumed.raisedAt()).isAfterOrEqualTo(day("2014-04-01"));
        assertThat(h.status("c1").lastProgressAt()).isEqualTo(day("2014-03-20"));
    }
}
