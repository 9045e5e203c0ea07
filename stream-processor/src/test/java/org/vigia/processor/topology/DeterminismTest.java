package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.milestone;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.NewsKind;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdates;

/** The same input gives the same alerts, whenever it is processed. */
class DeterminismTest {

    /** A small Mexico-like year: SCT moves steadily, PGR stalls through a scandal, then finishes. */
    static void replay(Harness h) {
        h.register(commitment("sct-obras", "SCT", "infrastructure", Fixtures.START, Fixtures.DUE,
                milestone("m1", 1), milestone("m2", 1)));
        h.register(commitment("pgr-detenidos", "PGR", "justice-security", Fixtures.START, Fixtures.DUE));
        int n = 0;
        for (LocalDate d = LocalDate.parse("2014-01-01"); d.isBefore(LocalDate.parse("2015-08-01")); d = d.plusDays(1)) {
            if (d.getDayOfMonth() == 15 && d.isBefore(LocalDate.parse("2014-09-01"))) {
                String id = "sct-" + n++;
                h.report(ProgressUpdates.agency("sct").id(id).commitment("sct-obras").milestone(n % 2 == 0 ? "m1" : "m2")
                        .percent(Math.min(100.0, 15.0 * n)).at(Fixtures.at(d)).evidence("https://sct.gob.mx/e/" + n).build());
            }
            if (d.equals(LocalDate.parse("2014-02-01"))) {
                h.report(ProgressUpdates.agency("pgr").id("pgr-1").commitment("pgr-detenidos").percent(10.0)
                        .at(Fixtures.at(d)).note("kick-off").build());
            }
            if (d.equals(LocalDate.parse("2014-09-27")) || d.equals(LocalDate.parse("2014-10-03"))) {
                for (int i = 0; i < 2; i++) {
                    h.news("PGR", new NewsSignal("news-" + d + "-" + i, Fixtures.at(d), "Proceso", "Ayotzinapa " + i,
                            "https://proceso.com.mx/" + d + "/" + i, List.of("PGR"), List.of("ayotzinapa"),
                            NewsKind.SCANDAL, 1.0));
                }
            }
            if (d.equals(LocalDate.parse("2015-03-01"))) {
                h.report(ProgressUpdates.agency("pgr").id("pgr-2").commitment("pgr-detenidos").percent(100.0)
                        .at(Fixtures.at(d)).evidence("https://pgr.gob.mx/registro").note("published").build());
                h.report(ProgressUpdates.cso("cidac").id("pgr-3").commitment("pgr-detenidos").percent(60.0)
                        .at(Fixtures.at(d)).note("partial").build());
            }
            h.tick(Fixtures.at(d));
        }
    }

    @Test
    void replayingTheSameDatasetTwiceGivesTheSameAlertsInTheSameOrder() {
        List<Alert> first;
        List<Alert> second;
        try (Harness h = new Harness()) {
            replay(h);
            first = h.alerts();
        }
        try (Harness h = new Harness()) {
            replay(h);
            second = h.alerts();
        }
        assertThat(first).extracting(Alert::type).contains(org.vigia.events.AlertType.STALLED,
                org.vigia.events.AlertType.SENSITIVITY_SPIKE, org.vigia.events.AlertType.COMPLETED);
        assertThat(second).isEqualTo(first);
        assertThat(first.get(0).raisedAt()).isAfterOrEqualTo(day("2014-01-01"));
    }
}
