package org.vigia.processor.topology.judge;

import java.util.ArrayList;
import java.util.List;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.Severity;
import org.vigia.events.Source;

/**
 * The hot state the judge keeps per commitment (store {@code commitment-ledger}): everything a
 * report or a deadline needs, nothing the query API alone reads (history, alerts and daily
 * points have stores of their own). Instants are epoch milliseconds, {@link #NONE} for none.
 *
 * <p>Mutable on purpose: it lives for one {@code process()} call between a store get and put.
 */
public final class Ledger {
    public static final long NONE = Long.MIN_VALUE;

    /** The latest counted report of one unit (a milestone, or {@code *} for the whole commitment) and one source. */
    public static final class Report {
        public final String unit;
        public final Source source;
        public double percent;
        public long reportedAt;
        public boolean evidence;

        public Report(String unit, Source source, double percent, long reportedAt, boolean evidence) {
            this.unit = unit;
            this.source = source;
            this.percent = percent;
            this.reportedAt = reportedAt;
            this.evidence = evidence;
        }
    }

    /** A firing alert episode: its id (kept for the whole episode), current severity and since when. */
    public record Episode(String alertId, Severity severity, long since) {
        Episode withSeverity(Severity s) {
            return new Episode(alertId, s, since);
        }
    }

    /** The episodic alert types, in the order the ledger stores them. */
    public static final List<AlertType> EPISODIC = List.of(AlertType.STALLED, AlertType.OVERDUE, AlertType.AT_RISK,
            AlertType.DISPUTED);

    public final List<Report> reports = new ArrayList<>(4);
    /** reportedAt of the last increase of official completion. */
    public long lastProgressAt = NONE;
    /** The latest reportedAt of any report. */
    public long lastUpdateAt = NONE;
    /** The latest report by reportedAt: its note and evidence link go into alerts. */
    public long lastReportAt = NONE;
    public String lastNote;
    public String lastEvidenceUrl;
    /** The instant up to which this commitment's own timeline has been judged; only moves forward. */
    public long evaluatedAt = NONE;
    /** Firing episodes, indexed like {@link #EPISODIC}. */
    public final Episode[] episodes = new Episode[EPISODIC.size()];
    public boolean completedAnnounced;
    /** What was last published on the status topic, or null. */
    public StatusFacts published;
    /** Per alert type (by ordinal): the epoch day of its last id and how many ids were given that day. */
    public final int[] idDay = new int[AlertType.values().length];
    public final int[] idCount = new int[AlertType.values().length];
    /** The earliest instant at which a due-index entry will wake this commitment up, or NONE. */
    public long wakeAt = NONE;
    /** Official completion (unrounded) as last computed under the current registry entry; NaN before any. */
    public double official = Double.NaN;

    // Derived, not stored: the completion of these reports under one registry entry.
    private Completion completion;
    private Commitment completionOf;

    /** The completion of these reports under {@code c}, computed once until the reports or the entry change. */
    public Completion completion(Commitment c) {
        if (completion == null || completionOf != c) {
            completion = Completion.compute(c, this);
            completionOf = c;
            official = completion.official();
        }
        return completion;
    }

    /** The reports changed: the next {@link #completion} is computed afresh. */
    void reportsChanged() {
        completion = null;
    }

    public boolean anyUpdate() {
        return lastUpdateAt != NONE;
    }

    public Episode episode(AlertType type) {
        return episodes[EPISODIC.indexOf(type)];
    }

    void setEpisode(AlertType type, Episode e) {
        episodes[EPISODIC.indexOf(type)] = e;
    }

    Report report(String unit, Source source) {
        for (Report r : reports) {
            if (r.source == source && r.unit.equals(unit)) {
                return r;
            }
        }
        return null;
    }

    /**
     * A deterministic id that is new for each episode: {@code <commitment>:<TYPE>:<date>}, then
     * {@code …:2}, {@code …:3} for further ones of the same type on the same day. Dates never go
     * backwards within a commitment (its timeline only moves forward), so one counter per type is enough.
     */
    String newAlertId(String commitmentId, AlertType type, long at) {
        int day = (int) Math.floorDiv(at, 86_400_000L);
        int i = type.ordinal();
        if (idCount[i] > 0 && day <= idDay[i]) {
            idCount[i]++;
        } else {
            idDay[i] = day;
            idCount[i] = 1;
        }
        String base = commitmentId + ":" + type.name() + ":" + java.time.LocalDate.ofEpochDay(idDay[i]);
        return idCount[i] == 1 ? base : base + ":" + idCount[i];
    }
}
