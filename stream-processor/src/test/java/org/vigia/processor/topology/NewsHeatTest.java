package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.news;

import org.junit.jupiter.api.Test;
import org.vigia.events.AlertStatus;
import org.vigia.events.NewsSignal;

class NewsHeatTest {
    private final NewsHeat heat = new NewsHeat(Thresholds.defaults());

    @Test
    void heatHalvesEveryThirtyDays() {
        AgencyHeat state = new AgencyHeat();
        heat.add(state, news("PGR", 4.0, day("2014-09-01")), day("2014-09-01"));

        assertThat(heat.heatAt(state, day("2014-10-01"))).isCloseTo(2.0, within(1e-9));
        assertThat(heat.heatAt(state, day("2014-10-31"))).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void anItemPublishedBeforeNowArrivesAlreadyDecayed() {
        AgencyHeat state = new AgencyHeat();
        heat.add(state, news("PGR", 2.0, day("2014-09-01")), day("2014-10-01"));
        assertThat(heat.heatAt(state, day("2014-10-01"))).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theSameNewsItemCountsOnce() {
        AgencyHeat state = new AgencyHeat();
        NewsSignal item = news("PGR", 2.0, day("2014-09-01"));
        assertThat(heat.add(state, item, day("2014-09-01"))).isTrue();
        assertThat(heat.add(state, item, day("2014-09-01"))).isFalse();
        assertThat(heat.heatAt(state, day("2014-09-01"))).isEqualTo(2.0);
    }

    @Test
    void fireOnceThenResolveOnce() {
        AgencyHeat state = new AgencyHeat();
        state.unfinished.put("c1", "mx-2013");
        heat.add(state, news("PGR", 4.0, day("2014-09-01")), day("2014-09-01"));

        assertThat(heat.evaluate("PGR", state, day("2014-09-01"))).hasValueSatisfying(
                a -> assertThat(a.status()).isEqualTo(AlertStatus.FIRING));
        assertThat(heat.evaluate("PGR", state, day("2014-09-02"))).isEmpty();
        assertThat(heat.evaluate("PGR", state, day("2014-09-20"))).hasValueSatisfying(
                a -> assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED));
    }
}
