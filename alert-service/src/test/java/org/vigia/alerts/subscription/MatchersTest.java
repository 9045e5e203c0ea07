package org.vigia.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

/** Every matcher against an agency-wide alert (no commitment, sector or single plan): no exception, a clear answer. */
class MatchersTest {
    static final Alert SPIKE = new Alert("PGR:SENSITIVITY_SPIKE:2014-09-27", AlertType.SENSITIVITY_SPIKE, AlertStatus.FIRING,
            Severity.WARNING, null, null, "PGR", null, null, Instant.parse("2014-09-27T00:00:00Z"), "hot",
            new AlertDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null, 3.4, 3.0,
                    30.0, List.of(), List.of("MX-PGR-01", "MX-PGR-02"), List.of("MX-2013", "MX-2015")));

    private static Matchers m(List<String> agencies, List<String> sectors, List<String> plans, List<String> commitments,
                              Set<AlertType> types, Severity min) {
        return new Matchers(agencies, sectors, plans, commitments, types, min);
    }

    @Test
    void agenciesMatchTheAlertsAgency() {
        assertThat(m(List.of("pgr"), null, null, null, null, null).matches(SPIKE)).isTrue();
        assertThat(m(List.of("SCT"), null, null, null, null, null).matches(SPIKE)).isFalse();
    }

    @Test
    void sectorsNeverMatchAnAgencyWideAlert() {
        assertThat(m(null, List.of("justice-security"), null, null, null, null).matches(SPIKE)).isFalse();
    }

    @Test
    void plansMatchAnyPlanOfTheAgencysUnfinishedCommitments() {
        assertThat(m(null, null, List.of("MX-2015"), null, null, null).matches(SPIKE)).isTrue();
        assertThat(m(null, null, List.of("mx-2013"), null, null, null).matches(SPIKE)).isTrue();
        assertThat(m(null, null, List.of("CL-2014"), null, null, null).matches(SPIKE)).isFalse();
    }

    @Test
    void commitmentsMatchAnyOfTheAgencysUnfinishedCommitmentsAndNeverThrow() {
        assertThat(m(null, null, null, List.of("MX-PGR-02"), null, null).matches(SPIKE)).isTrue();
        assertThat(m(null, null, null, List.of("MX-SCT-01"), null, null).matches(SPIKE)).isFalse();
        Alert bare = new Alert("PGR:SENSITIVITY_SPIKE:2014-09-28", AlertType.SENSITIVITY_SPIKE, AlertStatus.FIRING,
                Severity.WARNING, null, null, "PGR", null, null, Instant.parse("2014-09-28T00:00:00Z"), "hot", null);
        assertThat(m(null, null, List.of("MX-2013"), List.of("MX-PGR-02"), null, null).matches(bare)).isFalse();
    }

    @Test
    void typesAndMinimumSeverityApplyAsToAnyAlert() {
        assertThat(m(null, null, null, null, Set.of(AlertType.SENSITIVITY_SPIKE), Severity.WARNING).matches(SPIKE)).isTrue();
        assertThat(m(null, null, null, null, Set.of(AlertType.STALLED), null).matches(SPIKE)).isFalse();
        assertThat(m(null, null, null, null, null, Severity.CRITICAL).matches(SPIKE)).isFalse();
        assertThat(Matchers.ALL.matches(SPIKE)).isTrue();
    }
}
