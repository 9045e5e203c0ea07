package org.vigia.events;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A registry entry: one commitment of an action plan (topic {@code vigia.commitments}).
 *
 * @param cutoffs the plan's progress-report cut-off dates (the days its control panel is read),
 *                ascending and unique, at most {@value #MAX_CUTOFFS}; empty when the plan has none
 */
public record Commitment(
        String id,
        String planId,
        String country,
        String title,
        String agency,
        String sector,
        String leadCso,
        Origin origin,
        LocalDate startDate,
        LocalDate dueDate,
        Integer stallAfterDays,
        List<Milestone> milestones,
        Map<RiskFactor, RiskLevel> riskFactors,
        List<LocalDate> cutoffs) implements Validated {

    public static final int MAX_CUTOFFS = 24;

    public Commitment {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        cutoffs = cutoffs == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cutoffs));
        riskFactors = riskFactors == null || riskFactors.isEmpty()
                ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(riskFactors));
    }

    /** An entry without cut-off dates. */
    public Commitment(String id, String planId, String country, String title, String agency, String sector,
                      String leadCso, Origin origin, LocalDate startDate, LocalDate dueDate, Integer stallAfterDays,
                      List<Milestone> milestones, Map<RiskFactor, RiskLevel> riskFactors) {
        this(id, planId, country, title, agency, sector, leadCso, origin, startDate, dueDate, stallAfterDays,
                milestones, riskFactors, null);
    }

    /** The days without progress after which this commitment counts as stalled. */
    public int stallAfterDaysOr(int defaultDays) {
        return stallAfterDays == null ? defaultDays : stallAfterDays;
    }

    public double totalWeight() {
        return milestones.stream().mapToDouble(Milestone::weight).sum();
    }

    public Commitment withDueDate(LocalDate newDueDate) {
        return new Commitment(id, planId, country, title, agency, sector, leadCso, origin, startDate,
                newDueDate, stallAfterDays, milestones, riskFactors, cutoffs);
    }

    public Commitment withCutoffs(List<LocalDate> newCutoffs) {
        return new Commitment(id, planId, country, title, agency, sector, leadCso, origin, startDate,
                dueDate, stallAfterDays, milestones, riskFactors, newCutoffs);
    }

    public Commitment withMilestones(List<Milestone> newMilestones) {
        return new Commitment(id, planId, country, title, agency, sector, leadCso, origin, startDate,
                dueDate, stallAfterDays, newMilestones, riskFactors, cutoffs);
    }

    @Override
    public List<Violation> violations() {
        Rules r = new Rules();
        r.matches("id", id, Rules.ID, true);
        r.matches("planId", planId, Rules.ID, true);
        r.country("country", country);
        r.requiredText("title", title, 300);
        r.matches("agency", agency, Rules.AGENCY, true);
        r.matches("sector", sector, Rules.SLUG, true);
        r.maxLength("leadCso", leadCso, 200);
        r.required("origin", origin);
        r.required("startDate", startDate);
        r.required("dueDate", dueDate);
        r.notBefore("dueDate", dueDate, "startDate", startDate);
        if (stallAfterDays != null) {
            r.range("stallAfterDays", stallAfterDays, 1, 3650);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            if (m == null) {
                r.fail("milestones[" + i + "]", "must not be null");
                continue;
            }
            r.nested("milestones[" + i + "]", m.violations());
            if (m.id() != null && !seen.add(m.id())) {
                r.fail("milestones[" + i + "].id", "must be unique within the commitment (" + m.id() + " repeats)");
            }
        }
        r.ascendingDates("cutoffs", cutoffs, MAX_CUTOFFS);
        return r.result();
    }
}
