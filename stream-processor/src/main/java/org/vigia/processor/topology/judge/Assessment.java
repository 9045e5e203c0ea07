package org.vigia.processor.topology.judge;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentState;
import org.vigia.processor.topology.Thresholds;

/**
 * What holds for one commitment at one instant: its state (by precedence) and, independently,
 * each condition an alert watches. Pure: the instant is an argument, taken from event time.
 *
 * <p>Every time-driven condition starts at an instant computed in closed form from the data
 * ({@link Deadlines}), so an alert can be dated exactly, whenever the processor gets to judge it:
 * STALLED at {@code lastProgressAt + stallAfterDays} (critical at twice that), OVERDUE at the end
 * of the due date, AT_RISK at the instant the projection at the current pace crosses the end of
 * the due date (not before a tenth of the period has passed; at once if there is no pace at all).
 */
public record Assessment(
        Completion completion,
        boolean completed,
        boolean stalled,
        boolean stalledCritical,
        boolean overdue,
        boolean atRisk,
        boolean disputed,
        long daysWithoutProgress,
        LocalDate projectedCompletion,
        CommitmentState state,
        Deadlines deadlines) {

    static final long DAY = 86_400_000L;
    private static final double EPSILON = 1e-9;

    public static Assessment of(Commitment c, Ledger ledger, long at, Thresholds thresholds) {
        Completion completion = ledger.completion(c);
        Deadlines d = Deadlines.of(c, ledger, completion, thresholds);
        boolean completed = completion.complete();
        boolean stalled = !completed && at >= d.stallAt();
        boolean critical = stalled && at >= d.criticalAt();
        boolean overdue = !completed && at >= d.overdueAt();
        boolean atRisk = !completed && !overdue && at >= d.atRiskAt();
        boolean disputed = completion.officialReported() && completion.verified() != null
                && Math.abs(completion.official() - completion.verified()) >= thresholds.disputePoints() - EPSILON;
        long days = completed ? 0 : Math.max(0, Math.floorDiv(at - d.progressBase(), DAY));
        LocalDate projected = completed ? null : projection(d.start(), completion.official(), at);
        CommitmentState state = completed ? CommitmentState.COMPLETED
                : overdue ? CommitmentState.OVERDUE
                : stalled ? CommitmentState.STALLED
                : atRisk ? CommitmentState.AT_RISK
                : !ledger.anyUpdate() ? CommitmentState.NOT_STARTED
                : CommitmentState.ON_TRACK;
        return new Assessment(completion, completed, stalled, critical, overdue, atRisk, disputed, days, projected,
                state, d);
    }

    /** When the commitment reaches 100 at its pace so far: start + (at − start) × 100 ÷ completion; null without pace. */
    static LocalDate projection(long start, double completion, long at) {
        if (completion <= 0 || at <= start) {
            return null;
        }
        double finish = start + (at - start) * (100.0 / completion);
        return LocalDate.ofEpochDay(Math.floorDiv((long) Math.min(finish, 1e17), DAY));
    }

    /** The next instant after {@code at} at which a time-driven condition may change, or {@link Ledger#NONE}. */
    public long nextDeadline(long at) {
        return completed ? Ledger.NONE : deadlines.nextAfter(at);
    }

    public StatusFacts facts(Ledger ledger, long at) {
        return new StatusFacts(state, Completion.round1(completion.official()),
                completion.verified() == null ? null : Completion.round1(completion.verified()), disputed,
                completion.evidenceMissing(), deadlines.progressBase(), ledger.lastUpdateAt, daysWithoutProgress,
                projectedCompletion, at);
    }

    static long startOfDay(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
