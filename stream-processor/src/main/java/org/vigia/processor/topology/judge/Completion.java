package org.vigia.processor.topology.judge;

import java.util.List;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;

/**
 * The two views of a commitment's completion at one moment, unrounded: completion is compared
 * with 100 before rounding (99.96 is not complete); rounding is for the wire only.
 *
 * <p>Official completion is the weighted mean, over the commitment's milestones, of each
 * milestone's latest report (by {@code reportedAt}) from AGENCY or IRM; the verified view the
 * same from CSO and IRM. A report without a milestone speaks for the commitment as a whole: with
 * no milestones it is the completion; with milestones it stands for every milestone that has no
 * newer report of its own. Reports naming a milestone the registry does not list count nowhere.
 *
 * @param official          0–100, unrounded
 * @param officialReported  whether any AGENCY or IRM report counts
 * @param verified          the CSO/IRM view, unrounded, or null when there is none
 * @param evidenceMissing   some unit stands at 100 without an evidence link
 * @param complete          official completion is 100 and every unit's report carries evidence
 */
public record Completion(double official, boolean officialReported, Double verified, boolean evidenceMissing,
                         boolean complete) {

    /** The map key of reports about the whole commitment. */
    public static final String WHOLE = "*";
    private static final List<Milestone> WHOLE_ONLY = List.of(new Milestone(WHOLE, "whole commitment", 1.0, null));

    static Completion compute(Commitment commitment, Ledger ledger) {
        View official = view(commitment, ledger, true);
        View verified = view(commitment, ledger, false);
        boolean complete = official.reported && official.percent >= 100.0 && !official.evidenceMissing;
        return new Completion(official.percent, official.reported, verified.reported ? verified.percent : null,
                official.evidenceMissing, complete);
    }

    /** Rounded to one decimal, as the wire shows it. */
    public static double round1(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    private record View(double percent, boolean reported, boolean evidenceMissing) {
    }

    private static View view(Commitment commitment, Ledger ledger, boolean officialView) {
        List<Milestone> units = commitment.milestones().isEmpty() ? WHOLE_ONLY : commitment.milestones();
        double weighted = 0;
        double totalWeight = 0;
        boolean reported = false;
        boolean evidenceMissing = false;
        for (Milestone unit : units) {
            Ledger.Report latest = latestFor(unit.id(), ledger, officialView);
            totalWeight += unit.weight();
            if (latest == null) {
                continue;
            }
            reported = true;
            weighted += unit.weight() * latest.percent;
            if (latest.percent >= 100.0 && !latest.evidence) {
                evidenceMissing = true;
            }
        }
        return new View(totalWeight == 0 ? 0 : Math.min(100.0, weighted / totalWeight), reported, evidenceMissing);
    }

    /** The latest report for a unit: its own, or a whole-commitment one if that is newer (ties go to the unit's own). */
    private static Ledger.Report latestFor(String unitId, Ledger ledger, boolean officialView) {
        Ledger.Report best = null;
        boolean bestIsOwn = false;
        for (Ledger.Report r : ledger.reports) {
            boolean inView = officialView ? r.source.official() : r.source.verified();
            boolean own = r.unit.equals(unitId);
            if (!inView || !(own || (WHOLE.equals(r.unit) && !WHOLE.equals(unitId)))) {
                continue;
            }
            if (best == null || r.reportedAt > best.reportedAt
                    || (r.reportedAt == best.reportedAt && own && !bestIsOwn)
                    || (r.reportedAt == best.reportedAt && own == bestIsOwn && r.source.ordinal() < best.source.ordinal())) {
                best = r;
                bestIsOwn = own;
            }
        }
        return best;
    }

    /** Whether a report of this milestone counts for this registry entry (null: the whole commitment). */
    public static boolean counts(Commitment c, String milestoneId) {
        return c == null || milestoneId == null || c.milestones().stream().map(Milestone::id).anyMatch(milestoneId::equals);
    }

    static String unitOf(String milestoneId) {
        return milestoneId == null ? WHOLE : milestoneId;
    }
}
