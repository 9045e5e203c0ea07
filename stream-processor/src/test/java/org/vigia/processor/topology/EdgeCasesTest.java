package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.evidenced;
import static org.vigia.processor.topology.Fixtures.level;
import static org.vigia.processor.topology.Fixtures.milestone;
import static org.vigia.processor.topology.Fixtures.update;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentState;
import org.vigia.events.IrmLevel;
import org.vigia.events.SectorCompletion;
import org.vigia.events.Source;
import org.vigia.processor.topology.judge.HistoryEntry;
import org.vigia.processor.topology.rollup.Rollup;

/** The edges the states-and-alerts rules leave to judgement, each pinned by one test. */
class EdgeCasesTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aReportRepeatingTheSamePercentIsAnUpdateNotProgress() {
        h.register(commitment("c1")).report(update("c1", null, 30, Source.AGENCY, day("2014-02-01")));
        h.report(update("c1", null, 30, Source.AGENCY, day("2014-03-01")));

        assertThat(h.status("c1").lastProgressAt()).isEqualTo(day("2014-02-01"));
        assertThat(h.status("c1").lastUpdateAt()).isEqualTo(day("2014-03-01"));
        h.tick("2014-05-02");
        assertThat(h.alerts(AlertType.STALLED)).extracting(Alert::alertId).containsExactly("c1:STALLED:2014-05-02");
    }

    @Test
    void aLateOlderReportIsRecordedButDoesNotOverride() {
        h.register(commitment("c1")).report(update("c1", null, 60, Source.AGENCY, day("2014-03-01")));
        h.report(update("late", "c1", null, 20, Source.AGENCY, day("2014-02-01"), null, "from February"));

        assertThat(h.status("c1").completion()).isEqualTo(60.0);
        HistoryEntry late = h.history("c1").get(0);
        assertThat(late.updateId()).isEqualTo("late");
        assertThat(late.counted()).isFalse();
        assertThat(late.remark()).contains("older than the latest");
    }

    @Test
    void aDuplicateUpdateIdIsIgnoredEvenWithADifferentBody() {
        h.register(commitment("c1")).report(update("same", "c1", null, 30, Source.AGENCY, day("2014-02-01"), null, null));
        h.report(update("same", "c1", null, 90, Source.AGENCY, day("2014-02-02"), null, "changed"));

        assertThat(h.status("c1").completion()).isEqualTo(30.0);
        assertThat(h.history("c1")).hasSize(1);
    }

    @Test
    void anUpdateIdIsOnlyADuplicateFromTheSameReporterSoNoOneCanShadowAnotherReport() {
        h.register(commitment("c1"));
        h.report(new org.vigia.events.ProgressUpdate("sct-2", "c1", null, 10.0, null, Source.CSO, "cidac",
                day("2014-02-01"), null, "guessing the agency's next id"));
        h.report(new org.vigia.events.ProgressUpdate("sct-2", "c1", null, 40.0, null, Source.AGENCY, "PGR",
                day("2014-02-02"), null, "the agency's real report"));
        h.report(new org.vigia.events.ProgressUpdate("sct-2", "c1", null, 90.0, null, Source.AGENCY, "PGR",
                day("2014-02-03"), null, "the same id again from the agency"));

        assertThat(h.status("c1").completion()).isEqualTo(40.0);
        assertThat(h.status("c1").verifiedCompletion()).isEqualTo(10.0);
        assertThat(h.history("c1")).extracting(HistoryEntry::reporter).containsExactly("cidac", "PGR");
    }

    @Test
    void oneHundredWithoutEvidenceCountsButIsNotCompletedUntilEvidenceArrives() {
        h.register(commitment("c1")).report(update("c1", null, 100, Source.AGENCY, day("2014-02-01")));
        assertThat(h.status("c1").completion()).isEqualTo(100.0);
        assertThat(h.status("c1").state()).isNotEqualTo(CommitmentState.COMPLETED);
        assertThat(h.status("c1").evidenceMissing()).isTrue();
        assertThat(h.alerts(AlertType.COMPLETED)).isEmpty();

        h.report(evidenced("c1", null, 100, day("2014-02-05")));

        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.COMPLETED);
        assertThat(h.status("c1").evidenceMissing()).isFalse();
        assertThat(h.alerts(AlertType.COMPLETED)).hasSize(1);
        assertThat(h.status("c1").lastProgressAt()).isEqualTo(day("2014-02-01")); // 100 → 100 is no progress
    }

    @Test
    void irmLevelsAreMappedToPercentAndCountInBothViews() {
        h.register(commitment("c1")).report(level("c1", IrmLevel.SUBSTANTIAL, day("2014-05-01")));

        assertThat(h.status("c1").completion()).isEqualTo(75.0);
        assertThat(h.status("c1").verifiedCompletion()).isEqualTo(75.0);
        h.report(level("c1", IrmLevel.LIMITED, day("2014-06-01")));
        assertThat(h.status("c1").completion()).isEqualTo(25.0);
    }

    @Test
    void droppingAMilestoneIsAScopeReduction() {
        Commitment before = commitment("c1", milestone("m1", 1), milestone("m2", 1));
        h.register(before);
        h.register(before.withMilestones(List.of(milestone("m1", 1), milestone("m3", 1))), day("2014-06-01"));

        Alert reduced = h.alerts(AlertType.SCOPE_REDUCED).get(0);
        assertThat(reduced.severity()).isEqualTo(org.vigia.events.Severity.INFO);
        assertThat(reduced.details().scope().droppedMilestones()).isEqualTo(List.of("m2"));
        assertThat(reduced.summary()).contains("milestone m2 dropped");
        assertThat(reduced.raisedAt()).isEqualTo(day("2014-06-01"));
    }

    @Test
    void loweringTheTotalWeightIsAScopeReduction() {
        Commitment before = commitment("c1", milestone("m1", 2), milestone("m2", 2));
        h.register(before);
        h.register(before.withMilestones(List.of(milestone("m1", 2), milestone("m2", 1))), day("2014-06-01"));

        Alert reduced = h.alerts(AlertType.SCOPE_REDUCED).get(0);
        assertThat(reduced.details().scope().weightBefore()).isEqualTo(4.0);
        assertThat(reduced.details().scope().weightAfter()).isEqualTo(3.0);
    }

    @Test
    void movingTheDueDateLaterIsAScopeReductionAndEndsAnOverdueEpisode() {
        Commitment before = commitment("c1");
        h.register(before).tick("2015-07-02");
        assertThat(h.alerts(AlertType.OVERDUE, AlertStatus.FIRING)).hasSize(1);

        h.register(before.withDueDate(LocalDate.parse("2015-12-31")), day("2015-07-03"));

        assertThat(h.alerts(AlertType.SCOPE_REDUCED).get(0).details().scope().dueDateAfter())
                .isEqualTo(LocalDate.parse("2015-12-31"));
        assertThat(h.alerts(AlertType.OVERDUE, AlertStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void aRegistryUpdateThatAsksForMoreIsNoScopeReduction() {
        Commitment before = commitment("c1", milestone("m1", 1));
        h.register(before);
        h.register(before.withMilestones(List.of(milestone("m1", 1), milestone("m2", 1)))
                .withDueDate(LocalDate.parse("2015-01-31")), day("2014-06-01"));
        assertThat(h.alerts(AlertType.SCOPE_REDUCED)).isEmpty();
    }

    @Test
    void reportsThatArriveBeforeTheRegistryEntryAreKeptAndCountOnceItArrives() {
        h.report(update("c1", null, 40, Source.AGENCY, day("2014-02-01")));
        assertThat(h.status("c1")).isNull();

        h.register(commitment("c1"), day("2014-02-10"));

        assertThat(h.status("c1").completion()).isEqualTo(40.0);
        assertThat(h.status("c1").lastProgressAt()).isEqualTo(day("2014-02-01"));
        assertThat(h.status("c1").state()).isEqualTo(CommitmentState.ON_TRACK);
    }

    @Test
    void aReportForAMilestoneTheRegistryDoesNotListIsRecordedButNotCounted() {
        h.register(commitment("c1", milestone("m1", 1)));
        h.report(update("c1", "nope", 80, Source.AGENCY, day("2014-02-01")));

        assertThat(h.status("c1").completion()).isZero();
        HistoryEntry entry = h.history("c1").get(0);
        assertThat(entry.counted()).isFalse();
        assertThat(entry.remark()).contains("milestone 'nope' is not in the registry");
        assertThat(h.deadLetterReasons).isEmpty();
    }

    @Test
    void aRegistryTombstoneWithdrawsTheCommitmentAndResolvesItsAlerts() {
        h.register(commitment("c1")).tick("2014-04-01");
        h.withdraw("c1", day("2014-04-02"));

        Alert resolved = h.alerts(AlertType.STALLED, AlertStatus.RESOLVED).get(0);
        assertThat(resolved.summary()).contains("withdrawn");
        assertThat(h.status("c1")).isNull();
        assertThat(h.ledger("c1")).isNull();
        h.tick("2015-08-01");
        assertThat(h.alerts(AlertType.OVERDUE)).isEmpty();
    }

    @Test
    void sectorRollupsCountStatesAndMeanCompletion() {
        h.register(commitment("c1")).register(commitment("c2"));
        h.report(evidenced("c1", null, 100, day("2014-02-01")));
        h.report(update("c2", null, 50, Source.AGENCY, day("2014-02-01")));

        List<TestRecord<String, SectorCompletion>> records = h.sectorRecords();
        SectorCompletion last = records.get(records.size() - 1).value();
        assertThat(records.get(records.size() - 1).key()).isEqualTo("mx-2013/justice-security");
        assertThat(last.commitments()).isEqualTo(2);
        assertThat(last.completed()).isEqualTo(1);
        assertThat(last.meanCompletion()).isEqualTo(75.0);
        assertThat(h.rollup(Rollup.Kind.AGENCY, "mx-2013", "PGR").commitments).isEqualTo(2);
    }

    @Test
    void anInvalidRecordGoesToTheDeadLetterTopicWithItsReasonAndProcessingContinues() {
        h.register(commitment("c1"));
        byte[] bad = "{\"updateId\":\"u-x\",\"commitmentId\":\"c1\",\"percent\":140,\"source\":\"AGENCY\",\"reporter\":\"a\",\"reportedAt\":\"2014-02-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        h.rawProgress.pipeInput("c1".getBytes(StandardCharsets.UTF_8), bad, day("2014-02-01"));
        h.rawProgress.pipeInput("c1".getBytes(StandardCharsets.UTF_8), "not json".getBytes(StandardCharsets.UTF_8),
                day("2014-02-01"));
        h.report(update("c1", null, 30, Source.AGENCY, day("2014-02-02")));

        List<TestRecord<byte[], byte[]>> dead = h.deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(new String(bad, StandardCharsets.UTF_8));
        assertThat(header(dead.get(0), "__streams.errors.message")).contains("percent").contains("100");
        assertThat(header(dead.get(0), "__streams.errors.topic")).isEqualTo("t.progress");
        assertThat(h.deadLetterReasons).containsExactly("invalid_record", "invalid_record");
        assertThat(h.status("c1").completion()).isEqualTo(30.0);
    }

    @Test
    void aReportFiledUnderAnotherCommitmentsKeyIsDeadLettered() {
        h.register(commitment("c1"));
        h.report("c2", update("c1", null, 30, Source.AGENCY, day("2014-02-02")));

        List<TestRecord<byte[], byte[]>> dead = h.deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "__streams.errors.message")).contains("does not match its commitmentId");
        assertThat(h.deadLetterReasons).containsExactly("rejected_record");
        assertThat(h.status("c1").completion()).isZero();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
