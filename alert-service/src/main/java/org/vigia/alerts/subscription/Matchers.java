package org.vigia.alerts.subscription;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.vigia.events.Alert;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

/**
 * Which alerts a subscription or a silence covers. Each list that is empty matches
 * everything; the lists combine with AND, the values inside one list with OR. Agency,
 * sector and plan codes compare without regard to case.
 *
 * <p>An agency-wide alert (SENSITIVITY_SPIKE) has no commitment, sector or single plan of its
 * own: it matches {@code plans} if any plan of the agency's unfinished commitments is listed
 * ({@code details.plans}), {@code commitments} if any of those commitments is listed
 * ({@code details.unfinishedCommitments}), and never a {@code sectors} list.
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
        return any(agencies, Stream.of(alert.agency()), true)
                && any(sectors, Stream.of(alert.sector()), true)
                && any(plans, Stream.concat(Stream.of(alert.planId()), listed(alert.details().plans())), true)
                && any(commitments, Stream.concat(Stream.of(alert.commitmentId()),
                        listed(alert.details().unfinishedCommitments())), false)
                && (types.isEmpty() || (alert.type() != null && types.contains(alert.type())))
                && (alert.severity() == null ? minSeverity == null : alert.severity().atLeast(minSeverity));
    }

    private static Stream<String> listed(List<String> values) {
        return values == null ? Stream.empty() : values.stream();
    }

    private static boolean any(List<String> wanted, Stream<String> values, boolean ignoreCase) {
        if (wanted.isEmpty()) {
            return true;
        }
        return values.filter(Objects::nonNull).anyMatch(v -> wanted.stream()
                .anyMatch(w -> ignoreCase ? w.equalsIgnoreCase(v) : w.equals(v)));
    }
}
