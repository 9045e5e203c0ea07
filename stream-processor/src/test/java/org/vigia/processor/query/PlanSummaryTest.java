package org.vigia.processor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.START;
import static org.vigia.processor.topology.Fixtures.at;
import static org.vigia.processor.topology.Fixtures.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.processor.topology.Harness;
import org.vigia.processor.topology.StoreNames;

/** The plans the registry describes: size, span, cut-off dates and how far they are judged. */
class PlanSummaryTest {
    private static final List<LocalDate> CUTOFFS = List.of(LocalDate.parse("2014-10-27"), LocalDate.parse("2015-03-08"),
            LocalDate.parse("2015-07-22"));
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private List<PlanSummary> plans(String plan) {
        KeyValueStore<String, Commitment> registry = h.store(StoreNames.REGISTRY);
        KeyValueStore<String, Long> clock = h.store(StoreNames.JUDGE_CLOCK);
        return PlanSummary.of(registry, plan, clock.get("now"));
    }

    @Test
    void aPlanSpansItsEarliestStartToItsLatestDueDateWithItsCutoffs() {
        h.register(commitment("a").withCutoffs(CUTOFFS), at(START))
                .register(commitment("b", "SCT", "infrastructure", START.plusMonths(2), LocalDate.parse("2015-10-31"))
                        .withCutoffs(CUTOFFS.subList(0, 2)), at(START))
                .register(Commitments.of("x", "SE", "economy").plan("other-plan").title("Other")
                        .origin(org.vigia.events.Origin.PROACTIVE).runs(START, START.plusYears(1)).build(), at(START))
                .tick(Instant.parse("2014-05-01T00:00:00Z"));

        List<PlanSummary> all = plans(null);

        assertThat(all).extracting(PlanSummary::planId).containsExactly("mx-2013", "other-plan");
        PlanSummary mx = all.get(0);
        assertThat(mx.commitments()).isEqualTo(2);
        assertThat(mx.startDate()).isEqualTo(START);
        assertThat(mx.endDate()).isEqualTo(LocalDate.parse("2015-10-31"));
        assertThat(mx.cutoffs()).as("every date any entry names, once, in order").isEqualTo(CUTOFFS);
        assertThat(mx.asOf()).isEqualTo(Instant.parse("2014-05-01T00:00:00Z"));
        assertThat(all.get(1).cutoffs()).isEmpty();
        assertThat(plans("other-plan")).extracting(PlanSummary::planId).containsExactly("other-plan");
    }

    @Test
    void summariesOfOnePlanFromSeveralPartitionsMergeIntoOne() {
        PlanSummary left = new PlanSummary("mx", 3, LocalDate.parse("2013-11-01"), LocalDate.parse("2015-06-30"),
                CUTOFFS.subList(1, 3), Instant.parse("2015-01-01T00:00:00Z"));
        PlanSummary right = new PlanSummary("mx", 2, LocalDate.parse("2014-01-01"), LocalDate.parse("2015-10-31"),
                CUTOFFS.subList(0, 2), null);
        PlanSummary other = new PlanSummary("cl", 1, START, START, List.of(), null);

        List<PlanSummary> merged = PlanSummary.merge(List.of(left, other, right));

        assertThat(merged).extracting(PlanSummary::planId).containsExactly("cl", "mx");
        assertThat(merged.get(1)).isEqualTo(new PlanSummary("mx", 5, LocalDate.parse("2013-11-01"),
                LocalDate.parse("2015-10-31"), CUTOFFS, Instant.parse("2015-01-01T00:00:00Z")));
    }
}
