package org.vigia.events;

/**
 * One broken rule: the field (a JSON path such as {@code milestones[1].weight}) and the
 * rule it breaks, in words a person reading an HTTP 400 can act on.
 */
public record Violation(String field, String rule) {
    @Override
    public String toString() {
        return field + ": " + rule;
    }
}
