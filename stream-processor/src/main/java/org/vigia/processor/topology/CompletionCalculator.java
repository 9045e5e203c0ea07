package org.vigia.processor.topology;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;

/**
 * Completion as DESIGN §4 defines it: the weighted mean, over the commitment's milestones,
 * of each milestone's latest report (by {@code reportedAt}) from the view's sources.
 *
 * <p>A report without a milestone speaks for the commitment as a whole: with no milestones it
 * is the completion; with milestones it stands for every milestone that has no newer report
 * of its own (an IRM assessment of the whole plan item, say). Reports naming a milestone the
 * registry does not list are kept by the caller but count nowhere until the registry lists it.
 */
public final class CompletionCalculator {
    /** The map key of reports about the whole commitment. */
    public static final String WHOLE = "*";

    private CompletionCalculator() {
    }

    /** The key under which the latest report of one milestone and one source is kept. */
    public static String reportKey(String milestoneId, Source source) {
        return (milestoneId == null ? WHOLE : milestoneId) + "|" + source.name();
    }

    public static Completion compute(Commitment commitment, Map<String, ProgressUpdate> latestReports) {
        View official = view(commitment, latestReports, Source::official);
        View verified = view(commitment, latestReports, Source::verified);
        boolean complete = official.reported && official.percent >= 100.0 && !official.evidenceMissing;
        return new Completion(official.percent, official.reported, verified.reported ? verified.percent : null,
                official.evidenceMissing, complete);
    }

    private record View(double percent, boolean reported, boolean evidenceMissing) {
    }

    private static View view(Commitment commitment, Map<String, ProgressUpdate> reports, Predicate<Source> inView) {
        List<Milestone> units = commitment.milestones().isEmpty()
                ? List.of(new Milestone(WHOLE, "whole commitment", 1.0, null))
                : commitment.milestones();
        double weighted = 0;
        double totalWeight = 0;
        boolean reported = false;
        boolean evidenceMissing = false;
        for (Milestone unit : units) {
            ProgressUpdate latest = latestFor(unit.id(), reports, inView);
            totalWeight += unit.weight();
            if (latest == null) {
                continue;
            }
            reported = true;
            double percent = latest.effectivePercent();
            weighted += unit.weight() * percent;
            if (percent >= 100.0 && !latest.hasEvidence()) {
                evidenceMissing = true;
            }
        }
        double percent = totalWeight == 0 ? 0 : round1(weighted / totalWeight);
        return new View(percent, reported, evidenceMissing);
    }

    /** The latest report for a unit: its own, or a whole-commitment one if that is newer (ties go to the unit's own). */
    private static ProgressUpdate latestFor(String unitId, Map<String, ProgressUpdate> reports, Predicate<Source> inView) {
        ProgressUpdate best = null;
        boolean bestIsOwn = false;
        for (Source source : Source.values()) {
            if (!inView.test(source)) {
                continue;
            }
            ProgressUpdate own = reports.get(unitId + "|" + source.name());
            ProgressUpdate whole = WHOLE.equals(unitId) ? null : reports.get(WHOLE + "|" + source.name());
            for (ProgressUpdate candidate : new ProgressUpdate[] {own, whole}) {
                if (candidate == null) {
                    continue;
                }
                boolean isOwn = candidate == own;
                int cmp = best == null ? 1 : candidate.reportedAt().compareTo(best.reportedAt());
                if (cmp > 0 || (cmp == 0 && isOwn && !bestIsOwn)) {
                    best = candidate;
                    bestIsOwn = isOwn;
                }
            }
        }
        return best;
    }

    static double round1(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
