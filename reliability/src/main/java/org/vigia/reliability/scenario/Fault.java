package org.vigia.reliability.scenario;

import java.util.Set;
import org.vigia.reliability.compare.RunOutcome;

/** One fault injected into one run of the suite, with the checks that only it needs. */
public interface Fault {
    /** The scenario's name in the table. */
    String name();

    /** Schedules the fault on the run: at a point of the stream, on the driver's thread or in the background. */
    void arm(RunContext ctx);

    /** After the stream, before the run drains (lift a refusal, say). */
    default void afterStream(RunContext ctx) {
    }

    /** Checks on what the run left behind. */
    default void verify(RunContext ctx, RunOutcome outcome) {
    }

    /** Addresses this run's SMTP server refused for good: what was due to them is counted apart, not as lost. */
    default Set<String> refusedForGood() {
        return Set.of();
    }

    /** Whether the run uses the plan with the cut-off-day burst. */
    default boolean burstPlan() {
        return false;
    }

    /**
     * Parallel HTTP clients of the driver. One, except for the burst: with one client every run
     * writes the same records in the same order on every partition.
     */
    default int clients() {
        return 1;
    }

    /** The clean run of the same input, with nothing injected. */
    static Fault none(String name, boolean burstPlan) {
        return new Fault() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void arm(RunContext ctx) {
            }

            @Override
            public boolean burstPlan() {
                return burstPlan;
            }
        };
    }
}
