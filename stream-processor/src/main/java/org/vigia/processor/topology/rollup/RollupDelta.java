package org.vigia.processor.topology.rollup;

import org.vigia.events.CommitmentState;

/**
 * How one commitment's status change moves one roll-up (a plan's sector or agency): small
 * integer differences — commitments, one state left and one entered, completion in tenths —
 * so the sums are exact and the same in whatever order the deltas of different commitments
 * arrive. Keyed by {@link Rollup#key}. Never written as such: the judge adds them up per roll-up
 * and day ({@code PendingRollups}) and sends the sums.
 *
 * @param from  the state the commitment leaves, or null when it joins the group
 * @param to    the state it enters, or null when it leaves the group
 * @param at    event time of the change (the status's asOf)
 */
public record RollupDelta(String planId, Rollup.Kind kind, String group, int commitments, CommitmentState from,
                          CommitmentState to, long completionTenths, long verifiedTenths, int verifiedCount, long at) {

    public String key() {
        return Rollup.key(kind, planId, group);
    }
}
