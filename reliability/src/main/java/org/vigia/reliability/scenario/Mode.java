package org.vigia.reliability.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How big a suite run is, and which scenarios it runs.
 *
 * @param commitments synthetic commitments per plan set
 * @param stream      wall time over which the plan's steps are spread
 * @param tick        event time between ticks
 * @param steadyRate  updates per second at most when nothing is bursting (the burst's clean run posts its 50,000 at this rate)
 * @param scenarios   the scenarios run besides the clean run ({@code no-fault}, which always runs)
 * @param settle      null: the quick mode's bounds on settling (6 minutes for the processors to catch up, 3 for the
 *                    alert intake, 4 for the email); else the soak's, each wait bounded by this
 */
public record Mode(String name, long seed, int commitments, Duration stream, Duration tick, int steadyRate, int burst,
                   List<String> scenarios, Duration settle) {
    /** Every scenario the suite knows, in the order it runs them. */
    public static final List<String> ALL = List.of("no-fault-rerun", "broker-kill9", "processor-kill9", "alert-service-kill9",
            "smtp-down-60s", "smtp-451-and-550", "poison-pills", "burst-50k");

    /**
     * The quick mode, which CI runs: the clean run with its checks (refused writes, no email
     * twice), a processor {@code kill -9} and poison pills on every input, each compared with the
     * clean run. The other scenarios run by hand ({@code --full}); an alert service killed while
     * it holds notifications is also {@code FailoverIT} in CI.
     */
    public static Mode quick() {
        return new Mode("quick", 12, 150, Duration.ofSeconds(30), Duration.ofDays(28), 2_500, 50_000,
                List.of("processor-kill9", "poison-pills"), null);
    }

    /** Every scenario, at the quick mode's size: by hand ({@code run.sh --full}), about 35 minutes here. */
    public static Mode full() {
        return new Mode("full", 12, 150, Duration.ofSeconds(30), Duration.ofDays(28), 2_500, 50_000, ALL, null);
    }

    public Mode withCommitments(int n) {
        return new Mode(name, seed, n, stream, tick, steadyRate, burst, scenarios, settle);
    }

    public Mode withTick(Duration t) {
        return new Mode(name, seed, commitments, stream, t, steadyRate, burst, scenarios, settle);
    }

    public Mode withStream(Duration s) {
        return new Mode(name, seed, commitments, s, tick, steadyRate, burst, scenarios, settle);
    }

    public Mode withScenarios(List<String> s) {
        return new Mode(name, seed, commitments, stream, tick, steadyRate, burst, List.copyOf(s), settle);
    }

    /** How long each wait of the settling may take. */
    Drain.Bounds settleBounds() {
        return settle == null ? Drain.Bounds.QUICK : Drain.Bounds.soak(settle);
    }

    public boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }
}
