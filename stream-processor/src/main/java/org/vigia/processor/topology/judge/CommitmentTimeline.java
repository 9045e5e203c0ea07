package org.vigia.processor.topology.judge;

import java.util.ArrayList;
import java.util.List;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails.Resolution;
import org.vigia.events.AlertDetails.ScopeReduction;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Severity;
import org.vigia.processor.topology.Thresholds;
import org.vigia.processor.topology.judge.AlertComposer.Extra;
import org.vigia.processor.topology.judge.AlertTracking.Cause;

/**
 * One commitment's timeline, judged in event time: the pure core of the judge. It applies
 * reports and registry changes to the ledger and fires time-driven alerts at their exact
 * deadlines, telling a {@link Sink} what to publish. No Kafka, no clock: every instant is data.
 *
 * <p>Determinism: before a record at time {@code t} is applied, every deadline before {@code t}
 * is judged on the state before the record; a deadline at or after {@code t} is judged with it.
 * So what a commitment's alerts say depends only on its own records in order, not on when the
 * processor happened to read a clock tick: a tick only {@linkplain #advanceTo advances} the
 * timeline to where records would have taken it. A record older than the timeline
 * ({@code t < evaluatedAt}, a late record) is applied as it comes and judged at
 * {@code evaluatedAt}: it cannot date anything before what was already published.
 */
public final class CommitmentTimeline {
    private static final double EPSILON = 1e-9;

    /** Where the timeline's output goes, in order. */
    public interface Sink {
        void alert(Alert alert);

        /**
         * A status to publish. {@code after} null: the commitment left the registry. The registry
         * entries say which plan, sector and agency each status counted for.
         */
        void status(Commitment registryBefore, StatusFacts before, Commitment registryAfter, StatusFacts after, long at);
    }

    private final Thresholds thresholds;

    public CommitmentTimeline(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * Applies one report at its {@code reportedAt}.
     *
     * @return why the report does not count ("older than…", "milestone not in the registry"), or null
     */
    public String report(Commitment c, Ledger l, ProgressUpdate u, Sink sink) {
        long t = u.reportedAt().toEpochMilli();
        if (c != null) {
            catchUp(c, l, t - 1, sink);
        }
        // The official completion before this report, as the last judgement left it: not computed again.
        double before = c == null ? 0 : Double.isNaN(l.official) ? l.completion(c).official() : l.official;
        String unit = Completion.unitOf(u.milestoneId());
        Ledger.Report current = l.report(unit, u.source());
        boolean older = current != null && t < current.reportedAt;
        if (!older) {
            if (current == null) {
                l.reports.add(new Ledger.Report(unit, u.source(), u.effectivePercent(), t, u.hasEvidence()));
            } else {
                current.percent = u.effectivePercent();
                current.reportedAt = t;
                current.evidence = u.hasEvidence();
            }
        }
        l.reportsChanged();
        l.lastUpdateAt = Math.max(l.lastUpdateAt, t);
        if (t >= l.lastReportAt) {
            l.lastReportAt = t;
            l.lastNote = u.note();
            l.lastEvidenceUrl = u.evidenceUrl();
        }
        l.evaluatedAt = Math.max(l.evaluatedAt, t);
        if (c != null) {
            boolean progressed = l.completion(c).official() > before + EPSILON;
            if (progressed && t > l.lastProgressAt) {
                l.lastProgressAt = t;
            }
            judge(c, c, l, l.evaluatedAt, Cause.REPORT, progressed, List.of(), sink);
        }
        if (older) {
            return "older than the latest report for the same milestone and source: recorded, not counted";
        }
        return Completion.counts(c, u.milestoneId()) ? null
                : "milestone '" + u.milestoneId() + "' is not in the registry entry: recorded, not counted";
    }

    /** Applies a new or changed registry entry at {@code t}; a changed one that asks for less is SCOPE_REDUCED. */
    public void registry(Commitment before, Commitment after, Ledger l, long t, Sink sink) {
        if (before != null) {
            catchUp(before, l, t - 1, sink);
        }
        l.evaluatedAt = Math.max(l.evaluatedAt, t);
        if (before == null && l.lastProgressAt == Ledger.NONE) {
            l.lastProgressAt = progressSoFar(after, l);
        }
        List<Alert> notices = new ArrayList<>(1);
        ScopeReduction scope = before == null ? null : ScopeChange.between(before, after);
        if (scope != null) {
            Assessment a = Assessment.of(after, l, l.evaluatedAt, thresholds);
            notices.add(AlertComposer.alert(AlertType.SCOPE_REDUCED, AlertStatus.FIRING, Severity.INFO,
                    l.newAlertId(after.id(), AlertType.SCOPE_REDUCED, l.evaluatedAt), after, l, a, l.evaluatedAt,
                    new Extra(null, null, scope)));
        }
        judge(before, after, l, l.evaluatedAt, Cause.REGISTRY, false, notices, sink);
    }

    /** The commitment leaves the registry at {@code t}: every firing episode resolves, its status is withdrawn. */
    public void withdraw(Commitment c, Ledger l, long t, Sink sink) {
        catchUp(c, l, t - 1, sink);
        long at = Math.max(l.evaluatedAt, t);
        List<Alert> out = new ArrayList<>();
        AlertTracking.resolveAll(c, l, Assessment.of(c, l, at, thresholds), at, Resolution.WITHDRAWN, out);
        out.forEach(sink::alert);
        if (l.published != null) {
            sink.status(c, l.published, null, null, at);
            l.published = null;
        }
    }

    /** Judges every deadline up to and including {@code until}; true if the ledger changed. */
    public boolean advanceTo(Commitment c, Ledger l, long until, Sink sink) {
        return catchUp(c, l, until, sink);
    }

    /** The next instant this commitment must be judged at without a record, or {@link Ledger#NONE}. */
    public long nextDeadline(Commitment c, Ledger l) {
        if (c == null || l.evaluatedAt == Ledger.NONE) {
            return Ledger.NONE;
        }
        Completion completion = l.completion(c);
        return completion.complete() ? Ledger.NONE
                : Deadlines.of(c, l, completion, thresholds).nextAfter(l.evaluatedAt);
    }

    /** The status as it stands at {@code at} (for the query API: not published, nothing changes). */
    public StatusFacts project(Commitment c, Ledger l, long at) {
        return Assessment.of(c, l, Math.max(at, l.evaluatedAt), thresholds).facts(l, Math.max(at, l.evaluatedAt));
    }

    private boolean catchUp(Commitment c, Ledger l, long until, Sink sink) {
        boolean changed = false;
        for (long next = nextDeadline(c, l); next != Ledger.NONE && next <= until; next = nextDeadline(c, l)) {
            l.evaluatedAt = next;
            judge(c, c, l, next, Cause.TIME, false, List.of(), sink);
            changed = true;
        }
        return changed;
    }

    private void judge(Commitment before, Commitment c, Ledger l, long at, Cause cause, boolean progressed,
                       List<Alert> notices, Sink sink) {
        Assessment a = Assessment.of(c, l, at, thresholds);
        List<Alert> alerts = new ArrayList<>(notices);
        AlertTracking.track(c, l, a, at, cause, progressed, alerts);
        StatusFacts facts = a.facts(l, at);
        if (!facts.sameAs(l.published) || (before != null && !before.equals(c))) {
            sink.status(before, l.published, c, facts, at);
            l.published = facts;
        }
        alerts.forEach(sink::alert);
    }

    /**
     * Reports that arrived before the registry entry: the only progress they can show is from
     * nothing to what they report, so the last of them that reports above zero is the progress.
     */
    private static long progressSoFar(Commitment c, Ledger l) {
        if (l.completion(c).official() <= 0) {
            return Ledger.NONE;
        }
        long last = Ledger.NONE;
        for (Ledger.Report r : l.reports) {
            if (r.source.official() && r.percent > 0 && Completion.counts(c, milestoneOf(r))) {
                last = Math.max(last, r.reportedAt);
            }
        }
        return last;
    }

    private static String milestoneOf(Ledger.Report r) {
        return Completion.WHOLE.equals(r.unit) ? null : r.unit;
    }
}
