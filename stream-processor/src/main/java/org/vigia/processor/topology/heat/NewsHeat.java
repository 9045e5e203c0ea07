package org.vigia.processor.topology.heat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertDetails.Headline;
import org.vigia.events.AlertDetails.Resolution;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.NewsSignal;
import org.vigia.events.Severity;
import org.vigia.processor.topology.Thresholds;

/**
 * An agency's news heat, the pure part: the sum of its news weights, each halving every
 * half-life from when it was published. While the heat is at or above the threshold and the
 * agency has unfinished commitments one SENSITIVITY_SPIKE episode fires, agency-wide, dated by
 * the news item (or the membership change) that made it true; it resolves at the exact instant
 * the heat decays below the threshold, or when nothing is left unfinished.
 */
public final class NewsHeat {
    private static final double EPSILON = 1e-9;
    private static final Comparator<Headline> NEWEST_FIRST = Comparator.comparing(Headline::publishedAt).reversed()
            .thenComparing(Headline::url, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Thresholds thresholds;

    public NewsHeat(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The heat at {@code t} (≥ the state's {@code at}). */
    public double heatAt(AgencyHeat s, long t) {
        if (s.at == AgencyHeat.NONE) {
            return 0;
        }
        return s.heat * Math.pow(0.5, (double) Math.max(0, t - s.at) / thresholds.heatHalfLife().toMillis());
    }

    private boolean hot(AgencyHeat s, long t) {
        return heatAt(s, t) >= thresholds.heatThreshold() - EPSILON;
    }

    /** The first instant after the state's {@code at} at which it is no longer hot, or NONE if it is not hot now. */
    public long coolsAt(AgencyHeat s) {
        if (s.at == AgencyHeat.NONE || !hot(s, s.at)) {
            return AgencyHeat.NONE;
        }
        double halfLives = Math.log(s.heat / (thresholds.heatThreshold() - EPSILON)) / Math.log(2);
        long t = s.at + (long) Math.floor(halfLives * thresholds.heatHalfLife().toMillis());
        while (hot(s, t)) {
            t++;
        }
        while (t - 1 > s.at && !hot(s, t - 1)) {
            t--;
        }
        return t;
    }

    /** Adds one news item at its publication instant {@code t} (≥ the state's {@code at}). */
    public void add(AgencyHeat s, NewsSignal news, long t) {
        s.heat = heatAt(s, t) + news.weight();
        s.at = t;
        s.headlines.add(new Headline(news.title(), news.url(), news.outlet(), news.publishedAt()));
        s.headlines.sort(NEWEST_FIRST);
        while (s.headlines.size() > AgencyHeat.HEADLINES) {
            s.headlines.remove(s.headlines.size() - 1);
        }
    }

    /** Fires the agency's episode if it is hot at {@code t}, has unfinished commitments and none is firing. */
    public Alert fireIfHot(String agency, AgencyHeat s, long t, List<String> unfinished) {
        if (s.episodeId != null || s.unfinished == 0 || !hot(s, t)) {
            return null;
        }
        int day = (int) Math.floorDiv(t, 86_400_000L);
        if (s.idCount > 0 && day <= s.idDay) {
            s.idCount++;
        } else {
            s.idDay = day;
            s.idCount = 1;
        }
        String id = agency + ":SENSITIVITY_SPIKE:" + LocalDate.ofEpochDay(s.idDay) + (s.idCount == 1 ? "" : ":" + s.idCount);
        s.episodeId = id;
        s.episodeSince = t;
        double heat = round2(heatAt(s, t));
        return alert(agency, s, AlertStatus.FIRING, t, heat, null, unfinished,
                "News about " + agency + " is running hot (heat " + heat + ") while it has " + s.unfinished
                        + " unfinished commitment" + (s.unfinished == 1 ? "" : "s") + ".");
    }

    /** Resolves the firing episode at {@code t}, saying why. */
    public Alert resolve(String agency, AgencyHeat s, long t, Resolution why, List<String> unfinished) {
        if (s.episodeId == null) {
            return null;
        }
        double heat = round2(heatAt(s, t));
        Alert alert = alert(agency, s, AlertStatus.RESOLVED, t, heat, why, unfinished,
                why == Resolution.COOLED_DOWN ? "News about " + agency + " has cooled down (heat " + heat + ")."
                        : "News about " + agency + " no longer concerns unfinished commitments.");
        s.episodeId = null;
        s.episodeSince = AgencyHeat.NONE;
        return alert;
    }

    private Alert alert(String agency, AgencyHeat s, AlertStatus status, long t, double heat, Resolution why,
                        List<String> unfinished, String summary) {
        List<String> plans = List.copyOf(s.plans.keySet());
        AlertDetails details = new AlertDetails(null, null, null, null, null, null, null, null, null, null, null, why,
                null, null, heat, thresholds.heatThreshold(), thresholds.heatHalfLife().toMillis() / 86_400_000.0,
                s.headlines, unfinished, plans);
        return new Alert(s.episodeId, AlertType.SENSITIVITY_SPIKE, status, Severity.WARNING, null,
                plans.size() == 1 ? plans.get(0) : null, agency, null, null, Instant.ofEpochMilli(t), summary, details);
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    Duration halfLife() {
        return thresholds.heatHalfLife();
    }
}
