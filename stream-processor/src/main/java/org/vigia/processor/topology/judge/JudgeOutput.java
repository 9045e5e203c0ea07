package org.vigia.processor.topology.judge;

import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;
import org.vigia.processor.topology.heat.HeatInput;
import org.vigia.processor.topology.rollup.RollupDelta;

/** What the judge forwards; the topology splits it by kind to the status and alert topics and the two internal ones. */
public sealed interface JudgeOutput {
    /** The names of the judge's children, one per kind; the judge forwards each output to its own. */
    String TO_STATUS = "judge-status";
    String TO_ALERTS = "judge-alerts";
    String TO_HEAT = "judge-to-heat-value";
    String TO_ROLLUP = "judge-rollup-delta";

    /** A commitment's new status (key: commitment id), or a tombstone when it left the registry. */
    record Status(CommitmentStatus status) implements JudgeOutput {
    }

    /** An alert (key: commitment id). */
    record AlertOut(Alert alert) implements JudgeOutput {
    }

    /** A membership change or a watermark for the news heat (key: agency, or {@link HeatInput#BROADCAST}). */
    record ToHeat(HeatInput input) implements JudgeOutput {
    }

    /** A roll-up delta (key: {@link RollupDelta#key()}). */
    record ToRollup(RollupDelta delta) implements JudgeOutput {
    }
}
