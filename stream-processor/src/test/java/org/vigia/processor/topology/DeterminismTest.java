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
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;

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
                h.report(new ProgressUpdate("sct-" + n++, "sct-obras", n % 2 == 0 ? "m1" : "m2",
                        Math.min(100.0, 15.0 * n), null, Source.AGENCY, "sct", Fixtures.at(d),
                        "https://sct.gob.mx/e/" + n, null));
            }
            if (d.equals(LocalDate.parse("2014-02-01"))) {
                h.report(new ProgressUpdate("pgr-1", "pgr-detenidos", null, 10.0, null, Source.AGENCY, "pgr",
                        Fixtures.at(d), null, "kick-off"));
            }
            if (d.equals(LocalDate.parse("2014-09-27")) || d.equals(LocalDate.parse("2014-10-03"))) {
                for (int i = 0; i < 2; i++) {
                    h.news("PGR", new NewsSignal("news-" + d + "-" + i, Fixtures.at(d), "Proceso", "Ayotzinapa " + i,
                            "https://proceso.com.mx/" + d + "/" + i, List.of("PGR"), List.of("ayotzinapa"),
                            NewsKind.SCANDAL, 1.0));
                }
            }
            if (d.equals(LocalDate.parse("2015-03-01"))) {
                h.report(new ProgressUpdate("pgr-2", "pgr-detenidos", null, 100.0, null, Source.AGENCY, "pgr",
                        Fixtures.at(d), "https://pgr.gob.mx/registro", "published"));
                h.report(new ProgressUpdate("pgr-3", "pgr-detenidos", null, 60.0, null, Source.CSO, "cidac",
                        Fixtures.at(d), null, "partial"));
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
