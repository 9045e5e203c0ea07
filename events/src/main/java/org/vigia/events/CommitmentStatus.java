package org.vigia.events;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The derived state of one commitment (topic {@code vigia.commitment-status}, compacted). */
@JsonSerialize(using = CommitmentStatusJson.class)
public record CommitmentStatus(
        String commitmentId,
        String planId,
        String agency,
        String sector,
        String title,
        double completion,
        Double verifiedCompletion,
        CommitmentState state,
        boolean disputed,
        boolean evidenceMissing,
        Instant lastProgressAt,
        Instant lastUpdateAt,
        long daysWithoutProgress,
        LocalDate projectedCompletion,
        Instant asOf) implements Validated {

    @Override
    public List<Violation> violations() {
        Rules r = new Rules();
        r.matches("commitmentId", commitmentId, Rules.ID, true);
        r.matches("planId", planId, Rules.ID, true);
        r.matches("agency", agency, Rules.AGENCY, true);
        r.matches("sector", sector, Rules.SLUG, true);
        r.requiredText("title", title, 300);
        r.range("completion", completion, 0, 100);
        r.range("verifiedCompletion", verifiedCompletion, 0, 100);
        r.required("state", state);
        r.nonNegative("daysWithoutProgress", daysWithoutProgress);
        r.required("asOf", asOf);
        return r.result();
    }
}
