package org.vigia.processor.topology.judge;

import org.vigia.events.Commitment;
import org.vigia.processor.topology.Thresholds;

/**
 * The instants at which a commitment's time-driven conditions start to hold, computed in closed
 * form from its registry entry and its ledger (epoch milliseconds). They move only when a record
 * arrives (a report, a registry change), never with time, so a due index can hold them.
 *
 * @param progressBase the last progress, or the start date when there is none
 * @param start        the start of the start date
 * @param overdueAt    the end of the due date: OVERDUE from then on
 * @param atRiskAt     the first instant the projection at the current pace finishes after the due
 *                     date, but not before {@code atRiskMinElapsed} of the period has passed
 */
public record Deadlines(long progressBase, long start, long stallAt, long criticalAt, long overdueAt, long atRiskAt,
                        int stallAfterDays) {

    public static Deadlines of(Commitment c, Ledger ledger, Completion completion, Thresholds thresholds) {
        int stallDays = c.stallAfterDaysOr(thresholds.stallAfterDays());
        long start = Assessment.startOfDay(c.startDate());
        long base = ledger.lastProgressAt != Ledger.NONE ? ledger.lastProgressAt : start;
        long end = Assessment.startOfDay(c.dueDate().plusDays(1));
        long period = end - start;
        long minElapsed = start + (long) Math.ceil(thresholds.atRiskMinElapsed() * period);
        double pct = completion.official();
        // The projection start + (t − start) × 100 ÷ pct passes `end` once t − start > pct × period ÷ 100.
        long crossing = pct <= 0 ? start : start + (long) Math.floor(pct / 100.0 * period) + 1;
        return new Deadlines(base, start, base + stallDays * Assessment.DAY, base + 2L * stallDays * Assessment.DAY, end,
                Math.max(minElapsed, crossing), stallDays);
    }

    /** The earliest of these instants that is later than {@code after}, or {@link Ledger#NONE}. */
    public long nextAfter(long after) {
        long next = Long.MAX_VALUE;
        for (long t : new long[] {stallAt, criticalAt, overdueAt, atRiskAt}) {
            if (t > after && t < next) {
                next = t;
            }
        }
        return next == Long.MAX_VALUE ? Ledger.NONE : next;
    }
}
