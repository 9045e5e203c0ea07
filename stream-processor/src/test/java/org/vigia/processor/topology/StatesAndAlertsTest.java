package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.evidenced;
import static org.vigia.processor.topology.Fixtures.milestone;
import static org.vigia.processor.topology.Fixtures.update;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.CommitmentState;
import org.vigia.events.Severity;
import org.vigia.events.Source;

/** Every row of the states-and-alerts table (stream-processor README), through the real topology. */
class StatesAndAlertsTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void completionAt100WithEvidenceCompletesAndResolvesEveryFiringAlert() {
        h.register(commitment("c1")).tick("2014-04-01"); // 90 days: stalled
        assertThat(h.alerts(AlertType.STALLED, AlertStatus.FIRING)).hasSize(1);

        h.report(evidenced("c1", null, 100, day("2014-04-02")));

        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.COMPLETED);
        assertThat(h.alerts(AlertType.STALLED, AlertStatus.RESOLVED)).hasSize(1);
        Alert completed = h.alerts(AlertType.COMPLETED).get(0);
        assertThat(completed.severity()).isEqualTo(Severity.INFO);
        assertThat(completed.alertId()).isEqualTo("c1:COMPLETED:2014-04-02");
        h.tick("2016-01-01");
        assertThat(h.alerts(AlertType.COMPLETED)).hasSize(1);
        assertThat(h.alerts(AlertType.OVERDUE)).isEmpty();
    }

    @Test
    void stallsExactlyAtTheThresholdAndNotADayBefore() {
        h.register(commitment("c1")).report(update("c1", null, 10, Source.AGENCY, day("2014-02-01")));
        h.tick("2014-05-01T23:59:59Z".substring(0, 10)); // 89 days after 2014-02-01
        assertThat(h.alerts(AlertType.STALLED)).isEmpty();
        assertThat(h.status("c1").daysWithoutProgress()).isEqualTo(89);

        h.tick("2014-05-02"); // exactly 90 days

        Alert stalled = h.alerts(AlertType.STALLED).get(0);
        assertThat(stalled.alertId()).isEqualTo("c1:STALLED:2014-05-02");
        assertThat(stalled.severity()).isEqualTo(Severity.WARNING);
        assertThat(stalled.raisedAt()).isEqualTo(day("2014-05-02"));
        assertThat(stalled.details().daysWithoutProgress()).isEqualTo(90);
        assertThat(stalled.details().completion()).isEqualTo(10.0);
        assertThat(stalled.details().state()).isEqualTo(org.vigia.events.CommitmentState.STALLED);
        assertThat(stalled.details().dueDate()).isEqualTo(java.time.LocalDate.parse("2015-06-30"));
        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.STALLED);
    }

    @Test
    void aStallIsReEmittedAsCriticalWithTheSameIdAtTwiceTheThreshold() {
        h.register(commitment("c1")).tick("2014-04-01").tick("2014-06-29").tick("2014-06-30").tick("2014-07-01");

        List<Alert> stalls = h.alerts(AlertType.STALLED);
        assertThat(stalls).extracting(Alert::severity).containsExactly(Severity.WARNING, Severity.CRITICAL);
        assertThat(stalls).extracting(Alert::alertId).containsOnly("c1:STALLED:2014-04-01");
        assertThat(stalls.get(1).raisedAt()).isEqualTo(day("2014-06-30"));
    }

    @Test
    void progressAfterAStallResumesAndResolvesTheStallOnce() {
        h.register(commitment("c1")).tick("2014-04-01");
        h.report(update("c1", null, 20, Source.AGENCY, day("2014-04-10"))).tick("2014-04-11");

        assertThat(h.alerts(AlertType.STALLED, AlertStatus.RESOLVED)).extracting(Alert::alertId)
                .containsExactly("c1:STALLED:2014-04-01");
        Alert resumed = h.alerts(AlertType.RESUMED).get(0);
        assertThat(resumed.severity()).isEqualTo(Severity.INFO);
        assertThat(resumed.raisedAt()).isEqualTo(day("2014-04-10"));
        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.ON_TRACK);
    }

    @Test
    void aNewStallAfterAResumeIsANewEpisodeWithANewId() {
        h.register(commitment("c1")).tick("2014-04-01");
        h.report(update("c1", null, 20, Source.AGENCY, day("2014-04-10")));
        h.tick("2014-07-09").tick("2014-07-10");

        assertThat(h.alerts(AlertType.STALLED, AlertStatus.FIRING)).extracting(Alert::alertId)
                .containsExactly("c1:STALLED:2014-04-01", "c1:STALLED:2014-07-09");
    }

    @Test
    void passingTheDueDateMakesItOverdueOnce() {
        h.register(commitment("c1"));
        h.report(update("c1", null, 50, Source.AGENCY, day("2015-06-01")));
        h.tick("2015-06-30");
        assertThat(h.alerts(AlertType.OVERDUE)).isEmpty();

        h.tick("2015-07-01").tick("2015-07-02");

        Alert overdue = h.alerts(AlertType.OVERDUE).get(0);
        assertThat(h.alerts(AlertType.OVERDUE)).hasSize(1);
        assertThat(overdue.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(overdue.alertId()).isEqualTo("c1:OVERDUE:2015-07-01");
        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.OVERDUE);
    }

    @Test
    void overdueAndStalledFireTogether() {
        h.register(commitment("c1"));
        h.report(update("c1", null, 40, Source.AGENCY, day("2015-05-01")));
        h.tick("2015-07-30"); // 90 days without progress and past due

        assertThat(h.alerts()).filteredOn(a -> a.status() == AlertStatus.FIRING).extracting(Alert::type)
                .contains(AlertType.STALLED, AlertType.OVERDUE);
        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.OVERDUE);
    }

    @Test
    void slowPaceAfterTenPercentOfThePeriodIsAtRiskFromTheExactInstantTheTenPercentHavePassed() {
        // 546-day period (to the end of the due date): 10 % is 54.6 days, so 2014-02-24T14:24Z.
        // At 5 % the projection crossed the due date long before, at 5 % of the period.
        h.register(commitment("c1"));
        h.report(update("c1", null, 5, Source.AGENCY, day("2014-01-20")));
        h.tick("2014-02-20");
        assertThat(h.alerts(AlertType.AT_RISK)).isEmpty();

        h.tick("2014-03-02");

        Alert atRisk = h.alerts(AlertType.AT_RISK).get(0);
        assertThat(atRisk.severity()).isEqualTo(Severity.WARNING);
        assertThat(atRisk.alertId()).isEqualTo("c1:AT_RISK:2014-02-24");
        assertThat(atRisk.raisedAt()).isEqualTo(java.time.Instant.parse("2014-02-24T14:24:00Z"));
        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.AT_RISK);
        assertThat(h.status("c1").projectedCompletion()).isAfter(LocalDate.parse("2015-06-30"));

        h.report(update("c1", null, 60, Source.AGENCY, day("2014-03-10")));
        assertThat(h.alerts(AlertType.AT_RISK, AlertStatus.RESOLVED)).hasSize(1);
        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.ON_TRACK);
    }

    @Test
    void noPaceAtAllAfterTenPercentOfThePeriodIsAtRisk() {
        h.register(commitment("c1")).tick("2014-02-24");
        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.NOT_STARTED); // 54 of 545 days
        h.tick("2014-02-25");
        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.AT_RISK);
        assertThat(h.status("c1").projectedCompletion()).isNull();
    }

    @Test
    void viewsExactly25PointsApartAreDisputedAnd24Point9AreNot() {
        h.register(commitment("c1"));
        h.report(update("c1", null, 60, Source.AGENCY, day("2014-02-01")));
        h.report(update("c1", null, 35.1, Source.CSO, day("2014-02-02")));
        assertThat(h.alerts(AlertType.DISPUTED)).isEmpty();
        assertThat(h.status("c1").disputed()).isFalse();

        h.report(update("c1", null, 35, Source.CSO, day("2014-02-03")));

        Alert disputed = h.alerts(AlertType.DISPUTED).get(0);
        assertThat(disputed.severity()).isEqualTo(Severity.WARNING);
        assertThat(disputed.details().completion()).isEqualTo(60.0);
        assertThat(disputed.details().verifiedCompletion()).isEqualTo(35.0);
        assertThat(h.status("c1").disputed()).isTrue();
        assertThat(h.status("c1").verifiedCompletion()).isEqualTo(35.0);

        h.report(update("c1", null, 55, Source.CSO, day("2014-02-04")));
        assertThat(h.alerts(AlertType.DISPUTED, AlertStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void precedenceCompletedOverdueStalledAtRiskNotStartedOnTrack() {
        h.register(commitment("on-track")).register(commitment("not-started"))
                .register(commitment("done")).register(commitment("late"));
        h.report(update("on-track", null, 10, Source.AGENCY, day("2014-01-05")));
        h.tick("2014-01-10");
        assertThat(h.status("not-started").state()).isEqualTo(CommitmentState.NOT_STARTED);
        assertThat(h.status("on-track").state()).isEqualTo(CommitmentState.ON_TRACK);

        h.report(evidenced("done", null, 100, day("2014-01-11")));
        h.report(update("late", null, 90, Source.AGENCY, day("2015-01-01")));
        h.tick("2015-07-01");
        assertThat(h.status("done").state()).isEqualTo(CommitmentState.COMPLETED);
        assertThat(h.status("late").state()).isEqualTo(CommitmentState.OVERDUE); // overdue wins over stalled
        assertThat(h.status("on-track").state()).isEqualTo(CommitmentState.OVERDUE);
    }

    @Test
    void weightedMilestonesMakeTheOfficialCompletion() {
        h.register(commitment("c1", milestone("m1", 3), milestone("m2", 1)));
        h.report(update("c1", "m1", 100, Source.AGENCY, day("2014-02-01")));
        h.report(update("c1", "m2", 50, Source.AGENCY, day("2014-02-02")));

        assertThat(h.status("c1").completion()).isEqualTo(87.5);
        assertThat(h.status("c1").evidenceMissing()).isTrue();
        assertThat(h.status("c1").verifiedCompletion()).isNull();
    }
}
