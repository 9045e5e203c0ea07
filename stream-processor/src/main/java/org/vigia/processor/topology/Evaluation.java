package org.vigia.processor.topology;

import java.time.LocalDate;
import org.vigia.events.CommitmentState;

/**
 * What holds for one commitment at one instant: its state (by precedence) and, independently,
 * each condition an alert watches.
 *
 * @param stallStart the day the current stall began (lastProgressAt + stallAfterDays), when stalled
 */
public record Evaluation(
        CommitmentState state,
        Completion completion,
        boolean completed,
        boolean stalled,
        boolean stalledCritical,
        boolean overdue,
        boolean atRisk,
        boolean disputed,
        long daysWithoutProgress,
        int stallAfterDays,
        LocalDate stallStart,
        LocalDate projectedCompletion) {
}
