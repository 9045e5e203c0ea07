package org.vigia.events;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A registry entry: one commitment of an action plan (topic {@code vigia.commitments}). */
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
        Map<RiskFactor, RiskLevel> riskFactors) implements Validated {

    public Commitment {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        riskFactors = riskFactors == null || riskFactors.isEmpty()
                ? Map.of() : Map.copyOf(new EnumMap<>(riskFactors));
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
                newDueDate, stallAfterDays, milestones, riskFactors);
    }

    public Commitment withMilestones(List<Milestone> newMilestones) {
        return new Commitment(id, planId, country, title, agency, sector, leadCso, origin, startDate,
                dueDate, stallAfterDays, newMilestones, riskFactors);
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
        return r.result();
    }
}
