package org.vigia.reliability.plan;

import java.time.LocalDate;

/**
 * The shape of a synthetic plan set, beyond its seed and size.
 *
 * @param plans          how many action plans the commitments are spread over (each its own planId and country)
 * @param start          the day the first plan starts; each further plan starts a week later
 * @param days           the length of a plan, start to the usual due date
 * @param stallAfterDays the processor's default stall threshold the stories are written against (90)
 * @param burstUpdates   extra reports filed on one "cut-off" day, 60 % into the plans (0: none)
 * @param fillerUpdates  extra reports of the same kind spread evenly over every week of the plans (0: none),
 *                       for a steady high rate in a long run
 */
public record PlanShape(int plans, LocalDate start, int days, int stallAfterDays, int burstUpdates, int fillerUpdates) {

    public PlanShape {
        if (plans < 1 || plans > 8) {
            throw new IllegalArgumentException("plans must be from 1 to 8, was " + plans);
        }
        if (days < 2 * stallAfterDays + 120) {
            throw new IllegalArgumentException("days must leave room for a critical stall (at least "
                    + (2 * stallAfterDays + 120) + "), was " + days);
        }
        if (burstUpdates < 0 || fillerUpdates < 0) {
            throw new IllegalArgumentException("burstUpdates and fillerUpdates must not be negative, were " + burstUpdates
                    + " and " + fillerUpdates);
        }
    }

    /** Four plans of a year from 2022-01-03, the default 90-day stall, no burst. */
    public static PlanShape standard() {
        return new PlanShape(4, LocalDate.of(2022, 1, 3), 364, 90, 0, 0);
    }

    public PlanShape withBurst(int updates) {
        return new PlanShape(plans, start, days, stallAfterDays, updates, fillerUpdates);
    }

    public PlanShape withPlans(int n) {
        return new PlanShape(n, start, days, stallAfterDays, burstUpdates, fillerUpdates);
    }

    public PlanShape withDays(int n) {
        return new PlanShape(plans, start, n, stallAfterDays, burstUpdates, fillerUpdates);
    }

    public PlanShape withFiller(int updates) {
        return new PlanShape(plans, start, days, stallAfterDays, burstUpdates, updates);
    }

    /** The day of the burst: 60 % into the first plan. */
    public LocalDate burstDay() {
        return start.plusDays(days * 6L / 10);
    }
}
