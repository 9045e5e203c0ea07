package org.vigia.processor.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigia.events.AlertDetails;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;

/**
 * How a registry update asks for less than before: milestones dropped, total weight lowered,
 * dueDate moved later. The study saw such renegotiation read as an excuse, so each is told.
 */
public record ScopeChange(List<String> droppedMilestones, Double weightBefore, Double weightAfter,
                          LocalDate dueDateBefore, LocalDate dueDateAfter) {

    public static ScopeChange between(Commitment before, Commitment after) {
        Set<String> kept = after.milestones().stream().map(Milestone::id).collect(Collectors.toSet());
        List<String> dropped = new ArrayList<>();
        for (Milestone m : before.milestones()) {
            if (!kept.contains(m.id())) {
                dropped.add(m.id());
            }
        }
        boolean lighter = after.totalWeight() < before.totalWeight() - 1e-9;
        boolean later = after.dueDate().isAfter(before.dueDate());
        return new ScopeChange(List.copyOf(dropped),
                lighter ? before.totalWeight() : null, lighter ? after.totalWeight() : null,
                later ? before.dueDate() : null, later ? after.dueDate() : null);
    }

    public boolean reduced() {
        return !droppedMilestones.isEmpty() || weightBefore != null || dueDateBefore != null;
    }

    /** Plain-English clauses, e.g. "milestone m3 dropped; due date moved from 2015-06-30 to 2015-12-31". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!droppedMilestones.isEmpty()) {
            parts.add((droppedMilestones.size() == 1 ? "milestone " : "milestones ") + String.join(", ", droppedMilestones)
                    + " dropped");
        }
        if (weightBefore != null) {
            parts.add("total weight lowered from " + trim(weightBefore) + " to " + trim(weightAfter));
        }
        if (dueDateBefore != null) {
            parts.add("due date moved from " + dueDateBefore + " to " + dueDateAfter);
        }
        return String.join("; ", parts);
    }

    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("scope", new AlertDetails.ScopeReduction(droppedMilestones, weightBefore, weightAfter, dueDateBefore,
                dueDateAfter));
        return d;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
