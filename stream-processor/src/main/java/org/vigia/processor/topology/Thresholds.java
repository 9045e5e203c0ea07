package org.vigia.processor.topology;

import java.time.Duration;

/**
 * The numbers that turn facts into states and alerts, all configuration.
 *
 * @param stallAfterDays    days without progress after which a commitment stalls, unless it sets its own
 * @param disputePoints     gap between the official and the verified view that makes a dispute
 * @param atRiskMinElapsed  share of the period startDate→dueDate that must have passed before AT_RISK applies
 * @param heatThreshold     agency news heat at which SENSITIVITY_SPIKE fires
 * @param heatHalfLife      half-life of a news item's weight in the heat
 */
public record Thresholds(int stallAfterDays, double disputePoints, double atRiskMinElapsed, double heatThreshold,
                         Duration heatHalfLife) {

    public static Thresholds defaults() {
        return new Thresholds(90, 25.0, 0.10, 3.0, Duration.ofDays(30));
    }

    public Thresholds withStallAfterDays(int days) {
        return new Thresholds(days, disputePoints, atRiskMinElapsed, heatThreshold, heatHalfLife);
    }
}
