package org.vigia.processor.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigia.events.CommitmentState;
import org.vigia.processor.topology.rollup.Rollup;

/**
 * A sector's or an agency's roll-up as the query API shows it: exactly one of {@code sector}
 * and {@code agency} is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollupView(String planId, String sector, String agency, int commitments, int completed, int stalled,
                         int atRisk, int overdue, double meanCompletion, Double meanVerifiedCompletion,
                         Map<String, Integer> states, Instant asOf) {

    static RollupView of(Rollup r) {
        Map<String, Integer> states = new LinkedHashMap<>();
        for (CommitmentState s : CommitmentState.values()) {
            if (r.count(s) != 0) {
                states.put(s.name(), r.count(s));
            }
        }
        boolean sector = r.kind == Rollup.Kind.SECTOR;
        return new RollupView(r.planId, sector ? r.group : null, sector ? null : r.group, r.commitments,
                r.count(CommitmentState.COMPLETED), r.count(CommitmentState.STALLED), r.count(CommitmentState.AT_RISK),
                r.count(CommitmentState.OVERDUE), r.meanCompletion(), r.meanVerifiedCompletion(), states,
                r.asOf == Long.MIN_VALUE ? null : Instant.ofEpochMilli(r.asOf));
    }

    String group() {
        return sector != null ? sector : agency;
    }
}
