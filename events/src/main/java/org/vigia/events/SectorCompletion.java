package org.vigia.events;

import java.time.Instant;
import java.util.List;

/**
 * Completion of one sector of one plan (topic {@code vigia.sector-completion}, key
 * {@code planId/sector}). The query API serves an agency roll-up of the same shape, with
 * the agency code in {@code sector}'s place.
 */
public record SectorCompletion(
        String planId,
        String sector,
        int commitments,
        int completed,
        int stalled,
        int atRisk,
        int overdue,
        double meanCompletion,
        Instant asOf) implements Validated {

    public String key() {
        return planId + "/" + sector;
    }

    @Override
    public List<Violation> violations() {
        Rules r = new Rules();
        r.matches("planId", planId, Rules.ID, true);
        r.required("sector", sector);
        r.nonNegative("commitments", commitments);
        r.nonNegative("completed", completed);
        r.nonNegative("stalled", stalled);
        r.nonNegative("atRisk", atRisk);
        r.nonNegative("overdue", overdue);
        for (String[] part : new String[][] {
                {"completed", String.valueOf(completed)}, {"stalled", String.valueOf(stalled)},
                {"atRisk", String.valueOf(atRisk)}, {"overdue", String.valueOf(overdue)}}) {
            if (Integer.parseInt(part[1]) > commitments) {
                r.fail(part[0], "must not exceed commitments (" + part[1] + " > " + commitments + ")");
            }
        }
        r.range("meanCompletion", meanCompletion, 0, 100);
        r.required("asOf", asOf);
        return r.result();
    }
}
