package org.vigia.processor.topology.judge;

/**
 * The judge's children, one per kind of output; the judge forwards each record to its own child,
 * so the value's type is known by the child it goes to and needs no wrapper:
 * a {@code CommitmentStatus} (or a tombstone) to {@link #TO_STATUS}, an {@code Alert} to
 * {@link #TO_ALERTS}, a {@code HeatInput} to {@link #TO_HEAT}, a {@code Rollup} (a sum of deltas
 * for one roll-up and day, see {@link PendingRollups}) to {@link #TO_ROLLUP}.
 */
public final class JudgeOutput {
    public static final String TO_STATUS = "judge-status";
    public static final String TO_ALERTS = "judge-alerts";
    public static final String TO_HEAT = "judge-to-heat-value";
    public static final String TO_ROLLUP = "judge-rollup-sum";

    private JudgeOutput() {
    }
}
