package org.vigia.reliability.scenario;

import java.time.Duration;

/**
 * How big a suite run is.
 *
 * @param commitments synthetic commitments per plan set
 * @param stream      wall time over which the plan's steps are spread
 * @param tick        event time between ticks
 * @param steadyRate  updates per second at most when nothing is bursting (the burst's clean run posts its 50,000 at this rate)
 */
public record Mode(String name, long seed, int commitments, Duration stream, Duration tick, int steadyRate, int burst) {
    /**
     * The quick mode: sized so that nine runs (two clean, seven faults) fit a CI run on a shared
     * two-core machine, where the processor, not the suite, sets the pace.
     */
    public static Mode quick() {
        return new Mode("quick", 12, 150, Duration.ofSeconds(30), Duration.ofDays(28), 2_500, 50_000);
    }

    public Mode withCommitments(int n) {
        return new Mode(name, seed, n, stream, tick, steadyRate, burst);
    }

    public Mode withTick(Duration t) {
        return new Mode(name, seed, commitments, stream, t, steadyRate, burst);
    }

    public Mode withStream(Duration s) {
        return new Mode(name, seed, commitments, s, tick, steadyRate, burst);
    }
}
