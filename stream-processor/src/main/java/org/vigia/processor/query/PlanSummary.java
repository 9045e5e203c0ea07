package org.vigia.processor.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.vigia.events.Commitment;

/**
 * One action plan as the registry describes it: how many commitments it has, when it starts
 * (its earliest start date) and ends (its latest due date), and its progress-report cut-off
 * dates (every date any of its entries names). Summaries of the same plan from different
 * partitions {@link #merge} into one.
 *
 * @param asOf the latest event time the processor has judged for the plan's partitions, or null
 */
public record PlanSummary(String planId, int commitments, LocalDate startDate, LocalDate endDate,
                          List<LocalDate> cutoffs, Instant asOf) {

    /** The plans of one partition's registry ({@code plan} null: every plan), judged up to {@code streamTime}. */
    static List<PlanSummary> of(ReadOnlyKeyValueStore<String, Commitment> registry, String plan, long streamTime) {
        Map<String, PlanSummary> byPlan = new TreeMap<>();
        try (KeyValueIterator<String, Commitment> it = registry.all()) {
            while (it.hasNext()) {
                Commitment c = it.next().value;
                if (c != null && (plan == null || plan.equals(c.planId()))) {
                    byPlan.merge(c.planId(), one(c, streamTime), PlanSummary::plus);
                }
            }
        }
        return new ArrayList<>(byPlan.values());
    }

    private static PlanSummary one(Commitment c, long streamTime) {
        return new PlanSummary(c.planId(), 1, c.startDate(), c.dueDate(), c.cutoffs(),
                streamTime == Long.MIN_VALUE ? null : Instant.ofEpochMilli(streamTime));
    }

    /** The summaries of several partitions, one per plan, sorted by plan id. */
    static List<PlanSummary> merge(Collection<PlanSummary> partials) {
        Map<String, PlanSummary> byPlan = new TreeMap<>();
        partials.forEach(p -> byPlan.merge(p.planId(), p, PlanSummary::plus));
        return new ArrayList<>(byPlan.values());
    }

    PlanSummary plus(PlanSummary o) {
        TreeSet<LocalDate> dates = new TreeSet<>(cutoffs);
        dates.addAll(o.cutoffs);
        return new PlanSummary(planId, commitments + o.commitments, earliest(startDate, o.startDate),
                latest(endDate, o.endDate), List.copyOf(dates), latest(asOf, o.asOf));
    }

    private static <T extends Comparable<? super T>> T earliest(T a, T b) {
        return a == null ? b : b == null ? a : Comparator.<T>naturalOrder().compare(a, b) <= 0 ? a : b;
    }

    private static <T extends Comparable<? super T>> T latest(T a, T b) {
        return a == null ? b : b == null ? a : Comparator.<T>naturalOrder().compare(a, b) >= 0 ? a : b;
    }
}
