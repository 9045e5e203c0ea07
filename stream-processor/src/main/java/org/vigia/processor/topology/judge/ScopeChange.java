package org.vigia.processor.topology.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigia.events.AlertDetails.ScopeReduction;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;

/**
 * How a registry update asks for less than before: milestones dropped, total weight lowered,
 * due date moved later. The Mexico study saw such renegotiation read as an excuse, so each is told.
 */
final class ScopeChange {
    private ScopeChange() {
    }

    /** The reduction from {@code before} to {@code after}, or null when it asks for no less. */
    static ScopeReduction between(Commitment before, Commitment after) {
        Set<String> kept = after.milestones().stream().map(Milestone::id).collect(Collectors.toSet());
        List<String> dropped = new ArrayList<>();
        for (Milestone m : before.milestones()) {
            if (!kept.contains(m.id())) {
                dropped.add(m.id());
            }
        }
        boolean lighter = after.totalWeight() < before.totalWeight() - 1e-9;
        boolean later = after.dueDate().isAfter(before.dueDate());
        if (dropped.isEmpty() && !lighter && !later) {
            return null;
        }
        return new ScopeReduction(dropped, lighter ? before.totalWeight() : null, lighter ? after.totalWeight() : null,
                later ? before.dueDate() : null, later ? after.dueDate() : null);
    }
}
