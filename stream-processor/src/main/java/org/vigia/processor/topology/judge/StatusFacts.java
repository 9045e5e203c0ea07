package org.vigia.processor.topology.judge;

import java.time.Instant;
import java.time.LocalDate;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentState;
import org.vigia.events.CommitmentStatus;

/**
 * The facts of a commitment's status at one instant, as published (completion rounded to one
 * decimal for the wire), without the registry's descriptive fields. Compared field by field,
 * {@code asOf} aside, to decide whether a new status is worth publishing.
 */
public record StatusFacts(CommitmentState state, double completion, Double verifiedCompletion, boolean disputed,
                          boolean evidenceMissing, long lastProgressAt, long lastUpdateAt, long daysWithoutProgress,
                          LocalDate projectedCompletion, long asOf) {

    public boolean sameAs(StatusFacts o) {
        return o != null && state == o.state && completion == o.completion
                && java.util.Objects.equals(verifiedCompletion, o.verifiedCompletion) && disputed == o.disputed
                && evidenceMissing == o.evidenceMissing && lastProgressAt == o.lastProgressAt
                && lastUpdateAt == o.lastUpdateAt && daysWithoutProgress == o.daysWithoutProgress
                && java.util.Objects.equals(projectedCompletion, o.projectedCompletion);
    }

    public boolean unfinished() {
        return state != CommitmentState.COMPLETED;
    }

    /** Completion in integer tenths, for order-independent roll-up sums. */
    public int completionTenths() {
        return (int) Math.round(completion * 10);
    }

    public CommitmentStatus toStatus(Commitment c) {
        return new CommitmentStatus(c.id(), c.planId(), c.agency(), c.sector(), c.title(), completion,
                verifiedCompletion, state, disputed, evidenceMissing, instant(lastProgressAt), instant(lastUpdateAt),
                daysWithoutProgress, projectedCompletion, Instant.ofEpochMilli(asOf));
    }

    static Instant instant(long ms) {
        return ms == Ledger.NONE ? null : Instant.ofEpochMilli(ms);
    }
}
