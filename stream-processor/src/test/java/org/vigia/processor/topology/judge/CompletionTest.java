package org.vigia.processor.topology.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.milestone;

import org.junit.jupiter.api.Test;
import org.vigia.events.Source;

class CompletionTest {
    private final Ledger ledger = new Ledger();

    private void put(String milestone, double percent, Source source, String date, boolean evidence) {
        ledger.reports.add(new Ledger.Report(milestone == null ? Completion.WHOLE : milestone, source, percent,
                day(date).toEpochMilli(), evidence));
    }

    @Test
    void officialViewUsesAgencyAndIrmVerifiedViewUsesCsoAndIrm() {
        put("m1", 80, Source.AGENCY, "2014-02-01", false);
        put("m1", 40, Source.CSO, "2014-02-01", false);

        Completion c = Completion.compute(commitment("c", milestone("m1", 1), milestone("m2", 1)), ledger);

        assertThat(c.official()).isEqualTo(40.0);
        assertThat(c.verified()).isEqualTo(20.0);
    }

    @Test
    void aNewerIrmReportOutranksAnOlderAgencyReportForTheSameMilestone() {
        put("m1", 80, Source.AGENCY, "2014-02-01", false);
        put("m1", 25, Source.IRM, "2014-03-01", false);

        Completion c = Completion.compute(commitment("c", milestone("m1", 1)), ledger);

        assertThat(c.official()).isEqualTo(25.0);
        assertThat(c.verified()).isEqualTo(25.0);
    }

    @Test
    void aWholeCommitmentReportStandsForMilestonesWithoutANewerReportOfTheirOwn() {
        put(null, 50, Source.IRM, "2014-03-01", false);
        put("m2", 100, Source.AGENCY, "2014-04-01", true);

        Completion c = Completion.compute(commitment("c", milestone("m1", 1), milestone("m2", 1)), ledger);

        assertThat(c.official()).isEqualTo(75.0);
    }

    @Test
    void withoutReportsNothingIsReported() {
        Completion c = Completion.compute(commitment("c"), ledger);
        assertThat(c.officialReported()).isFalse();
        assertThat(c.verified()).isNull();
        assertThat(c.official()).isZero();
    }

    @Test
    void completionIsComparedWith100BeforeRounding() {
        put("m1", 100, Source.AGENCY, "2014-02-01", true);
        put("m2", 100, Source.AGENCY, "2014-02-01", true);
        put("m3", 99.88, Source.AGENCY, "2014-02-01", true);

        Completion c = Completion.compute(commitment("c", milestone("m1", 1), milestone("m2", 1), milestone("m3", 1)), ledger);

        assertThat(Completion.round1(c.official())).isEqualTo(100.0);
        assertThat(c.complete()).isFalse();
    }
}
