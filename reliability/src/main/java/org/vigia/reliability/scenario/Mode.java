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
    public static Mode quick() {
        return new Mode("quick", 12, 300, Duration.ofSeconds(40), Duration.ofDays(14), 2_500, 50_000);
    }
}
