package org.vigia.events;

import java.util.List;
import java.util.stream.Collectors;

/** A record, or a whole request, broke one or more rules of the wire contract. */
public class ValidationException extends RuntimeException {
    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public ValidationException(String field, String rule) {
        this(List.of(new Violation(field, rule)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The same violations with every field path prefixed, e.g. {@code [3].percent}. */
    public ValidationException prefixed(String prefix) {
        return new ValidationException(violations.stream()
                .map(v -> new Violation(prefix + (v.field().startsWith("[") ? "" : ".") + v.field(), v.rule()))
                .toList());
    }
}
