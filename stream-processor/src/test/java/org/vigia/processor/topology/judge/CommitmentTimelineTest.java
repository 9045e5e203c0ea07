package org.vigia.processor.topology.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.evidenced;
import static org.vigia.processor.topology.Fixtures.milestone;
import static org.vigia.processor.topology.Fixtures.update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails.Resolution;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentState;
import org.vigia.events.Source;
import org.vigia.processor.topology.Thresholds;

/** The judge's pure core: one commitment's timeline, without Kafka. */
class CommitmentTimelineTest {
    private final CommitmentTimeline timeline = new CommitmentTimeline(Thresholds.defaults());
    private final Commitment c = commitment("c1");

    /** Records what the timeline publishes. */
    private static final class Recorder implements CommitmentTimeline.Sink {
        final List<Alert> alerts = new ArrayList<>();
        final List<StatusFacts> statuses = new ArrayList<>();

        @Override
        public void alert(Alert alert) {
            alerts.add(alert);
        }

        @Override
        public void status(Commitment rb, StatusFacts before, Commitment ra, StatusFacts after, long at) {
            statuses.add(after);
        }

        List<String> lines() {
            return alerts.stream().map(a -> a.alertId() + " " + a.status() + " " + a.raisedAt()
                    + (a.details().resolution() == null ? "" : " " + a.details().resolution())).toList();
        }
    }

    private Recorder registered(Ledger l) {
        Recorder r = new Recorder();
        timeline.registry(null, c, l, day("2014-01-01").toEpochMilli(), r);
        return r;
    }

    @Test
    void aTickThatOvertakesAReportGivesTheSameAlertsAsTheReportFirst() {
        // The stall deadline is 2014-04-01 (90 days after the start); the report on 2014-04-01 at 11:00 resumes it.
        Ledger tickFirst = new Ledger();
        Recorder a = registered(tickFirst);
        timeline.advanceTo(c, tickFirst, day("2014-04-02").toEpochMilli(), a);
        timeline.report(c, tickFirst, update("u1", "c1", null, 20, Source.AGENCY,
                Instant.parse("2014-04-01T11:00:00Z"), null, null), a);

        Ledger reportFirst = new Ledger();
        Recorder b = registered(reportFirst);
        timeline.report(c, reportFirst, update("u1", "c1", null, 20, Source.AGENCY,
                Instant.parse("2014-04-01T11:00:00Z"), null, null), b);
        timeline.advanceTo(c, reportFirst, day("2014-04-02").toEpochMilli(), b);

        assertThat(b.lines()).isEqualTo(a.lines()).contains(
                "c1:STALLED:2014-04-01 FIRING 2014-04-01T00:00:00Z",
                "c1:RESUMED:2014-04-01 FIRING 2014-04-01T11:00:00Z",
                "c1:STALLED:2014-04-01 RESOLVED 2014-04-01T11:00:00Z PROGRESS");
        assertThat(b.statuses).isEqualTo(a.statuses);
    }

    @Test
    void aReportAtExactlyTheDeadlineIsJudgedWithTheDeadlineAndPreventsTheStall() {
        Ledger l = new Ledger();
        Recorder r = registered(l);
        timeline.report(c, l, update("u1", "c1", null, 20, Source.AGENCY, day("2014-04-01"), null, null), r);
        timeline.advanceTo(c, l, day("2014-04-10").toEpochMilli(), r);

        assertThat(r.alerts).noneMatch(a -> a.type() == AlertType.STALLED);
    }

    @Test
    void aLateReportIsJudgedWhereTheTimelineStandsAndNeverDatesAnythingEarlier() {
        Ledger l = new Ledger();
        Recorder r = registered(l);
        timeline.advanceTo(c, l, day("2014-04-05").toEpochMilli(), r); // the stall fired on 2014-04-01
        timeline.report(c, l, update("late", "c1", null, 20, Source.AGENCY, day("2014-03-20"), null, null), r);

        assertThat(r.lines()).contains("c1:STALLED:2014-04-01 FIRING 2014-04-01T00:00:00Z");
        Alert resumed = r.alerts.stream().filter(a -> a.type() == AlertType.RESUMED).findFirst().orElseThrow();
        assertThat(resumed.raisedAt()).isEqualTo(day("2014-04-01")); // where the timeline stood, not 2014-03-20
        assertThat(l.lastProgressAt).isEqualTo(day("2014-03-20").toEpochMilli());
    }

    @Test
    void adjudgingTheSameTimeTwiceChangesNothing() {
        Ledger l = new Ledger();
        Recorder r = registered(l);
        timeline.advanceTo(c, l, day("2014-06-01").toEpochMilli(), r);
        int alerts = r.alerts.size();
        assertThat(timeline.advanceTo(c, l, day("2014-06-01").toEpochMilli(), r)).isFalse();
        assertThat(r.alerts).hasSize(alerts);
    }

    @Test
    void completionJustUnder100RoundsTo100OnTheWireButIsNotCompleted() {
        Commitment three = commitment("c1", milestone("m1", 1), milestone("m2", 1), milestone("m3", 1));
        Ledger l = new Ledger();
        Recorder r = new Recorder();
        timeline.registry(null, three, l, day("2014-01-01").toEpochMilli(), r);
        timeline.report(three, l, evidenced("c1", "m1", 100, day("2014-02-01")), r);
        timeline.report(three, l, evidenced("c1", "m2", 100, day("2014-02-01")), r);
        timeline.report(three, l, evidenced("c1", "m3", 99.88, day("2014-02-01")), r);

        StatusFacts last = r.statuses.get(r.statuses.size() - 1);
        assertThat(last.completion()).isEqualTo(100.0);
        assertThat(last.state()).isNotEqualTo(CommitmentState.COMPLETED);
        assertThat(r.alerts).noneMatch(a -> a.type() == AlertType.COMPLETED);
    }

    @Test
    void atRiskGivesWayToOverdueWhenTheDueDatePassesSayingSo() {
        Ledger l = new Ledger();
        Recorder r = registered(l);
        timeline.report(c, l, update("u1", "c1", null, 30, Source.AGENCY, day("2014-03-01"), null, null), r);
        timeline.advanceTo(c, l, day("2015-07-02").toEpochMilli(), r);

        List<Alert> ended = r.alerts.stream()
                .filter(a -> a.type() == AlertType.AT_RISK && a.status() == AlertStatus.RESOLVED).toList();
        // The report ended the first episode (the pace recovered); the due date ended the second.
        assertThat(ended).extracting(a -> a.details().resolution())
                .containsExactly(Resolution.PROGRESS, Resolution.DUE_DATE_PASSED);
        assertThat(ended.get(1).raisedAt()).isEqualTo(day("2015-07-01"));
        assertThat(r.alerts).anyMatch(a -> a.type() == AlertType.OVERDUE && a.raisedAt().equals(day("2015-07-01")));
    }

    @Test
    void completionResolvesADisputeSayingItWasCompletedNotThatTheViewsAgree() {
        Ledger l = new Ledger();
        Recorder r = registered(l);
        timeline.report(c, l, update("u1", "c1", null, 60, Source.AGENCY, day("2014-02-01"), null, null), r);
        timeline.report(c, l, update("u2", "c1", null, 20, Source.CSO, day("2014-02-02"), null, null), r);
        timeline.report(c, l, evidenced("c1", null, 100, day("2014-03-01")), r);

        Alert ended = r.alerts.stream().filter(a -> a.type() == AlertType.DISPUTED && a.status() == AlertStatus.RESOLVED)
                .findFirst().orElseThrow();
        assertThat(ended.details().resolution()).isEqualTo(Resolution.COMPLETED);
    }

    @Test
    void movingTheDueDateLaterEndsAnOverdueEpisodeBecauseTheRegistryChanged() {
        Ledger l = new Ledger();
        Recorder r = registered(l);
        timeline.advanceTo(c, l, day("2015-07-05").toEpochMilli(), r);
        timeline.registry(c, c.withDueDate(LocalDate.parse("2015-12-31")), l, day("2015-07-06").toEpochMilli(), r);

        Alert ended = r.alerts.stream().filter(a -> a.type() == AlertType.OVERDUE && a.status() == AlertStatus.RESOLVED)
                .findFirst().orElseThrow();
        assertThat(ended.details().resolution()).isEqualTo(Resolution.REGISTRY_CHANGED);
        assertThat(r.alerts).anyMatch(a -> a.type() == AlertType.SCOPE_REDUCED
                && a.details().scope().dueDateBefore().equals(LocalDate.parse("2015-06-30")));
    }

    @Test
    void theStallEscalatesToCriticalAtTwiceTheLimitUnderTheSameId() {
        Ledger l = new Ledger();
        Recorder r = registered(l);
        timeline.advanceTo(c, l, day("2014-07-15").toEpochMilli(), r);

        List<Alert> stalls = r.alerts.stream().filter(a -> a.type() == AlertType.STALLED).toList();
        assertThat(stalls).extracting(Alert::alertId).containsOnly("c1:STALLED:2014-04-01");
        assertThat(stalls).extracting(a -> a.severity().name()).containsExactly("WARNING", "CRITICAL");
        assertThat(stalls.get(1).raisedAt()).isEqualTo(day("2014-06-30"));
    }

    @Test
    void theNextDeadlineIsTheEarliestConditionStillAhead() {
        Ledger l = new Ledger();
        registered(l);
        // Nothing reported: AT_RISK once a tenth of the 546-day period has passed (54.6 days).
        assertThat(timeline.nextDeadline(c, l)).isEqualTo(Instant.parse("2014-02-24T14:24:00Z").toEpochMilli());
    }
}
