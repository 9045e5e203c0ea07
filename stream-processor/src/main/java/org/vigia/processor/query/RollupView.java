package org.vigia.processor.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.vigia.events.CommitmentState;
import org.vigia.processor.topology.Rollup;

/**
 * A sector's or an agency's roll-up as the query API shows it: exactly one of {@code sector}
 * and {@code agency} is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollupView(String planId, String sector, String agency, int commitments, int completed, int stalled,
                         int atRisk, int overdue, double meanCompletion, Map<String, Integer> states, Instant asOf) {

    static RollupView sector(Rollup r) {
        return of(r, r.group, null);
    }

    static RollupView agency(Rollup r) {
        return of(r, null, r.group);
    }

    private static RollupView of(Rollup r, String sector, String agency) {
        return new RollupView(r.planId, sector, agency, r.commitments, r.count(CommitmentState.COMPLETED.name()),
                r.count(CommitmentState.STALLED.name()), r.count(CommitmentState.AT_RISK.name()),
                r.count(CommitmentState.OVERDUE.name()), r.meanCompletion(), Map.copyOf(r.states), r.asOf);
    }

    String group() {
        return sector != null ? sector : agency;
    }
}
