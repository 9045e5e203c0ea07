package org.vigia.events;

/** Ordered: a subscription's minimum severity admits this level and the ones after it. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public boolean atLeast(Severity minimum) {
        return minimum == null || compareTo(minimum) >= 0;
    }
}
