package org.vigia.processor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.START;
import static org.vigia.processor.topology.Fixtures.at;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.evidenced;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertType;
import org.vigia.processor.topology.Harness;
import org.vigia.processor.topology.StoreNames;

/** The alert timeline as of a date, and by agency and type, read backwards from the time-ordered log. */
class AlertQueryTest {
    private final Harness h = new Harness();

    @BeforeEach
    void aStallAndItsResume() {
        h.register(commitment("p1"), at(START)).register(commitment("s1", "SCT", "infrastructure", START,
                org.vigia.processor.topology.Fixtures.DUE), at(START));
        for (LocalDate d = START; d.isBefore(LocalDate.parse("2014-06-01")); d = d.plusDays(1)) {
            h.tick(at(d));
        }
        h.report(evidenced("p1", null, 40, Instant.parse("2014-06-01T10:00:00Z")));
        h.tick(Instant.parse("2014-06-02T00:00:00Z"));
    }

    @AfterEach
    void close() {
        h.close();
    }

    private List<Alert> newest(String agency, AlertType type, String asOf, int limit) {
        KeyValueStore<Bytes, Alert> log = h.store(StoreNames.ALERT_LOG);
        return new AlertQuery(null, agency, type, asOf == null ? null : LocalDate.parse(asOf), limit).newest(log);
    }

    @Test
    void asOfADateGivesOnlyTheAlertsRaisedByTheEndOfThatDayNewestFirst() {
        List<Alert> all = newest(null, null, null, 100);
        assertThat(all).extracting(Alert::type).contains(AlertType.STALLED, AlertType.RESUMED);
        assertThat(all).isSortedAccordingTo((a, b) -> b.raisedAt().compareTo(a.raisedAt()));

        List<Alert> may = newest(null, null, "2014-05-31", 100);
        assertThat(may).isNotEmpty().allSatisfy(a -> assertThat(a.raisedAt())
                .isBefore(Instant.parse("2014-06-01T00:00:00Z")));
        assertThat(may).extracting(Alert::type).doesNotContain(AlertType.RESUMED);
        assertThat(newest(null, null, "2014-06-01", 100)).extracting(Alert::type).contains(AlertType.RESUMED);
        assertThat(newest(null, null, "2013-12-31", 100)).isEmpty();
    }

    @Test
    void agencyTypeAndLimitNarrowTheTimeline() {
        assertThat(newest("PGR", AlertType.STALLED, null, 100)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.agency()).isEqualTo("PGR"))
                .allSatisfy(a -> assertThat(a.type()).isEqualTo(AlertType.STALLED));
        assertThat(newest("SCT", null, null, 100)).allSatisfy(a -> assertThat(a.commitmentId()).isEqualTo("s1"));
        assertThat(newest(null, null, null, 1)).hasSize(1).first().satisfies(a -> assertThat(a.raisedAt())
                .as("the resume and the stall's end, raised together, are the newest")
                .isEqualTo(Instant.parse("2014-06-01T10:00:00Z")));
    }

    @Test
    void theQueryTravelsToOtherInstancesWithEveryFilter() {
        assertThat(new AlertQuery("mx", "PGR", AlertType.RESUMED, LocalDate.parse("2015-03-31"), 20).toQuery())
                .isEqualTo("?limit=20&plan=mx&agency=PGR&type=RESUMED&asOf=2015-03-31");
        assertThat(new AlertQuery(null, null, null, null, 50).toQuery()).isEqualTo("?limit=50");
    }
}
