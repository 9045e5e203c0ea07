package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.milestone;
import static org.vigia.processor.topology.Fixtures.update;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;

class CompletionCalculatorTest {
    private final Map<String, ProgressUpdate> reports = new HashMap<>();

    private void put(ProgressUpdate u) {
        reports.put(CompletionCalculator.reportKey(u.milestoneId(), u.source()), u);
    }

    @Test
    void officialViewUsesAgencyAndIrmVerifiedViewUsesCsoAndIrm() {
        put(update("c", "m1", 80, Source.AGENCY, day("2014-02-01")));
        put(update("c", "m1", 40, Source.CSO, day("2014-02-01")));

        Completion c = CompletionCalculator.compute(commitment("c", milestone("m1", 1), milestone("m2", 1)), reports);

        assertThat(c.official()).isEqualTo(40.0);
        assertThat(c.verified()).isEqualTo(20.0);
    }

    @Test
    void aNewerIrmReportOutranksAnOlderAgencyReportForTheSameMilestone() {
        put(update("c", "m1", 80, Source.AGENCY, day("2014-02-01")));
        put(update("c", "m1", 25, Source.IRM, day("2014-03-01")));

        Completion c = CompletionCalculator.compute(commitment("c", milestone("m1", 1)), reports);

        assertThat(c.official()).isEqualTo(25.0);
        assertThat(c.verified()).isEqualTo(25.0);
    }

    @Test
    void aWholeCommitmentReportStandsForMilestonesWithoutANewerReportOfTheirOwn() {
        put(update("c", null, 50, Source.IRM, day("2014-03-01")));
        put(update("c", "m2", 100, Source.AGENCY, day("2014-04-01")));

        Completion c = CompletionCalculator.compute(commitment("c", milestone("m1", 1), milestone("m2", 1)), reports);

        assertThat(c.official()).isEqualTo(75.0);
    }

    @Test
    void withoutReportsNothingIsReported() {
        Completion c = CompletionCalculator.compute(commitment("c"), reports);
        assertThat(c.officialReported()).isFalse();
        assertThat(c.verified()).isNull();
        assertThat(c.official()).isZero();
    }
}
