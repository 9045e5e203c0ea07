package org.vigia.processor.topology;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and completion of a group of commitments (a plan's sector or agency): stores
 * {@code sector-rollup} and {@code agency-rollup}, kept by {@link RollupAggregator}.
 */
public final class Rollup {
    public String planId;
    public String group;
    public int commitments;
    /** Commitments per state name. */
    public Map<String, Integer> states = new TreeMap<>();
    public double sumCompletion;
    public Instant asOf;

    public int count(String state) {
        return states.getOrDefault(state, 0);
    }

    public double meanCompletion() {
        return commitments == 0 ? 0 : Math.max(0, Math.min(100, Math.round(sumCompletion / commitments * 10.0) / 10.0));
    }
}
