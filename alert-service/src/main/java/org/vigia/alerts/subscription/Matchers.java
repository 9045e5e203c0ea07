package org.vigia.alerts.subscription;

import java.util.List;
import java.util.Set;
import org.vigia.events.Alert;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

/**
 * Which alerts a subscription or a silence covers. Each list that is empty matches
 * everything; the lists combine with AND, the values inside one list with OR. Agency,
 * sector and plan codes compare without regard to case.
 */
public record Matchers(
        List<String> agencies,
        List<String> sectors,
        List<String> plans,
        List<String> commitments,
        Set<AlertType> types,
        Severity minSeverity) {

    public static final Matchers ALL = new Matchers(List.of(), List.of(), List.of(), List.of(), Set.of(), null);

    public Matchers {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        plans = plans == null ? List.of() : List.copyOf(plans);
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public boolean matches(Alert alert) {
        return anyIgnoringCase(agencies, alert.agency())
                && anyIgnoringCase(sectors, alert.sector())
                && anyIgnoringCase(plans, alert.planId())
                && (commitments.isEmpty() || commitments.contains(alert.commitmentId()))
                && (types.isEmpty() || types.contains(alert.type()))
                && alert.severity().atLeast(minSeverity);
    }

    private static boolean anyIgnoringCase(List<String> wanted, String value) {
        return wanted.isEmpty() || (value != null && wanted.stream().anyMatch(value::equalsIgnoreCase));
    }
}
