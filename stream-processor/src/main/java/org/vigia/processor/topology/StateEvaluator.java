package org.vigia.processor.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentState;

/**
 * The rules of DESIGN §4 that turn completion and time into a state. Pure: "now" is an
 * argument, taken by the caller from event time.
 */
public final class StateEvaluator {
    private static final double DAY_SECONDS = 86_400.0;
    private static final double EPSILON = 1e-9;

    private final Thresholds thresholds;

    public StateEvaluator(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param lastProgressAt the reportedAt of the last increase of official completion, or null for none
     * @param anyUpdate      whether any report at all has been received
     */
    public Evaluation evaluate(Commitment c, Completion completion, Instant lastProgressAt, boolean anyUpdate,
                               Instant now) {
        int stallAfterDays = c.stallAfterDaysOr(thresholds.stallAfterDays());
        Instant start = startOfDay(c.startDate());
        Instant progressBase = lastProgressAt != null ? lastProgressAt : start;
        Duration sinceProgress = Duration.between(progressBase, now);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);

        boolean completed = completion.complete();
        boolean stalled = !completed && sinceProgress.compareTo(Duration.ofDays(stallAfterDays)) >= 0;
        boolean stalledCritical = stalled && sinceProgress.compareTo(Duration.ofDays(2L * stallAfterDays)) >= 0;
        boolean overdue = !completed && today.isAfter(c.dueDate());

        double elapsedDays = Duration.between(start, now).toMillis() / 1000.0 / DAY_SECONDS;
        double periodDays = Math.max(1.0, Duration.between(start, startOfDay(c.dueDate())).toSeconds() / DAY_SECONDS);
        double pace = elapsedDays > 0 ? completion.official() / elapsedDays : 0;
        LocalDate projected = pace > 0
                ? today.plusDays((long) Math.ceil((100.0 - completion.official()) / pace - EPSILON))
                : null;
        boolean atRisk = !completed && !overdue
                && elapsedDays / periodDays >= thresholds.atRiskMinElapsed() - EPSILON
                && (projected == null || projected.isAfter(c.dueDate()));
        boolean disputed = completion.officialReported() && completion.verified() != null
                && Math.abs(completion.official() - completion.verified()) >= thresholds.disputePoints() - EPSILON;

        long daysWithoutProgress = completed ? 0 : Math.max(0, sinceProgress.toDays());
        CommitmentState state;
        if (completed) {
            state = CommitmentState.COMPLETED;
        } else if (overdue) {
            state = CommitmentState.OVERDUE;
        } else if (stalled) {
            state = CommitmentState.STALLED;
        } else if (atRisk) {
            state = CommitmentState.AT_RISK;
        } else if (!anyUpdate) {
            state = CommitmentState.NOT_STARTED;
        } else {
            state = CommitmentState.ON_TRACK;
        }
        LocalDate stallStart = stalled
                ? LocalDate.ofInstant(progressBase.plus(Duration.ofDays(stallAfterDays)), ZoneOffset.UTC) : null;
        return new Evaluation(state, completion, completed, stalled, stalledCritical, overdue, atRisk, disputed,
                daysWithoutProgress, stallAfterDays, stallStart, completed ? null : projected);
    }

    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
