package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.evidenced;
import static org.vigia.processor.topology.Fixtures.news;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;

/**
 * The edges of the sensitivity spike: news heat just under and just over 3.0, the instant a
 * spike cools down, and an agency with nothing unfinished left to be sensitive about.
 */
class NewsHeatEdgeCasesTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void newsHeatJustUnderThreeRaisesNothing() {
        h.register(commitment("c1"));
        h.news("PGR", news("PGR", 1.0, day("2014-09-27"))).news("PGR", news("PGR", 1.0, day("2014-09-27")))
                .news("PGR", news("PGR", 0.99, day("2014-09-27")));
        h.ticksDaily("2014-09-27", "2014-10-05");
        assertThat(h.alerts(AlertType.SENSITIVITY_SPIKE)).isEmpty();
    }

    @Test
    void newsHeatJustOverThreeRaisesOneAgencyWideSpikeDatedByTheItemThatCrossedIt() {
        h.register(commitment("c1"));
        Instant ten = Instant.parse("2014-09-27T10:00:00Z");
        h.news("PGR", news("PGR", 1.0, ten)).news("PGR", news("PGR", 1.0, ten)).news("PGR", news("PGR", 1.01, ten));
        h.tick("2014-09-27");
        assertThat(h.alerts(AlertType.SENSITIVITY_SPIKE)).isEmpty(); // the heat waits for the judge's watermark

        h.tick("2014-09-28");

        List<Alert> spikes = h.alerts(AlertType.SENSITIVITY_SPIKE);
        Alert spike = spikes.get(0);
        assertThat(spike.commitmentId()).isNull();
        assertThat(spike.key()).isEqualTo("PGR");
        assertThat(spike.alertId()).isEqualTo("PGR:SENSITIVITY_SPIKE:2014-09-27");
        assertThat(spike.raisedAt()).isEqualTo(Instant.parse("2014-09-27T10:00:00Z"));
        assertThat(spike.details().heat()).isEqualTo(3.01);
        assertThat(spike.details().headlines()).hasSize(3);
        assertThat(spike.details().headlines().get(0).url()).startsWith("https://example.org/");
        assertThat(spike.details().unfinishedCommitments()).containsExactly("c1");
        assertThat(spike.planId()).isEqualTo("mx-2013");
    }

    @Test
    void aSpikeResolvesAtTheExactInstantItsHeatDecaysBelowTheThreshold() {
        h.register(commitment("c1"));
        h.news("PGR", news("PGR", 4.0, day("2014-09-27")));
        h.ticksDaily("2014-09-27", "2014-10-20");

        List<Alert> spikes = h.alerts(AlertType.SENSITIVITY_SPIKE);
        assertThat(spikes).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        // 4 × 0.5^(t / 30 days) = 3 at t = 30 days × log2(4/3) ≈ 12.45 days.
        Instant cooled = spikes.get(1).raisedAt();
        assertThat(cooled).isBetween(Instant.parse("2014-10-09T10:00:00Z"),
                Instant.parse("2014-10-09T12:00:00Z"));
        assertThat(spikes.get(1).details().resolution()).isEqualTo(AlertDetails.Resolution.COOLED_DOWN);
        assertThat(spikes.get(1).details().heat()).isEqualTo(3.0);
    }

    @Test
    void aSpikeResolvesWhenTheAgencyHasNothingUnfinishedLeft() {
        h.register(commitment("c1"));
        h.news("PGR", news("PGR", 5.0, day("2014-09-27")));
        h.tick("2014-09-28");
        h.report(evidenced("c1", null, 100, day("2014-09-29"))).tick("2014-09-30");

        List<Alert> spikes = h.alerts(AlertType.SENSITIVITY_SPIKE);
        assertThat(spikes).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(spikes.get(1).raisedAt()).isEqualTo(day("2014-09-29"));
        assertThat(spikes.get(1).details().resolution())
                .isEqualTo(AlertDetails.Resolution.NOTHING_UNFINISHED);
    }

    @Test
    void newsHeatWithoutUnfinishedCommitmentsRaisesNothing() {
        h.register(commitment("c1")).report(evidenced("c1", null, 100, day("2014-02-01")));
        for (int i = 0; i < 5; i++) {
            h.news("PGR", news("PGR", 1.0, day("2014-09-27")));
        }
        h.ticksDaily("2014-09-27", "2014-10-05");
        assertThat(h.alerts(AlertType.SENSITIVITY_SPIKE)).isEmpty();
    }
}
