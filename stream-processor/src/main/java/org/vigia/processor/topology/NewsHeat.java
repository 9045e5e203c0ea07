package org.vigia.processor.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.NewsSignal;
import org.vigia.events.Severity;

/**
 * An agency's news heat: the sum of its news weights, each halving every {@code halfLife}
 * (30 days by default) from its publication. While the heat is at or above the threshold and
 * the agency has unfinished commitments, one SENSITIVITY_SPIKE episode fires, agency-wide;
 * it resolves once the heat cools below the threshold or nothing is left unfinished.
 */
public final class NewsHeat {
    private static final double EPSILON = 1e-9;
    private final Thresholds thresholds;

    public NewsHeat(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The heat at {@code now}. */
    public double heatAt(AgencyHeat state, Instant now) {
        if (state.at == null) {
            return 0;
        }
        return state.heat * decay(Duration.between(state.at, now));
    }

    private double decay(Duration age) {
        double halfLives = (double) Math.max(0, age.toMillis()) / thresholds.heatHalfLife().toMillis();
        return Math.pow(0.5, halfLives);
    }

    /** Adds one news item; false if it was already counted (same id). */
    public boolean add(AgencyHeat state, NewsSignal news, Instant now) {
        if (state.recentNewsIds.contains(news.id())) {
            return false;
        }
        state.recentNewsIds.add(news.id());
        if (state.recentNewsIds.size() > AgencyHeat.RECENT_NEWS_IDS) {
            state.recentNewsIds.remove(0);
        }
        state.heat = heatAt(state, now) + news.weight() * decay(Duration.between(news.publishedAt(), now));
        state.at = now;
        state.headlines.add(new AgencyHeat.Headline(news.title(), news.url(), news.outlet(), news.publishedAt(),
                news.weight()));
        state.headlines.sort((a, b) -> b.publishedAt().compareTo(a.publishedAt()));
        while (state.headlines.size() > AgencyHeat.HEADLINES) {
            state.headlines.remove(state.headlines.size() - 1);
        }
        return true;
    }

    /** Fires or resolves the agency's episode as the heat and its unfinished commitments now say. */
    public Optional<Alert> evaluate(String agency, AgencyHeat state, Instant now) {
        double heat = heatAt(state, now);
        boolean hot = heat >= thresholds.heatThreshold() - EPSILON && !state.unfinished.isEmpty();
        if (hot && state.episode == null) {
            String id = newId(state, agency + ":SENSITIVITY_SPIKE:" + LocalDate.ofInstant(now, ZoneOffset.UTC));
            state.episode = new Episode(id, Severity.WARNING, now);
            return Optional.of(alert(agency, state, AlertStatus.FIRING, heat, now,
                    "News about " + agency + " is running hot (heat " + round2(heat) + ") while it has "
                            + state.unfinished.size() + " unfinished commitment" + (state.unfinished.size() == 1 ? "" : "s")
                            + "."));
        }
        if (!hot && state.episode != null) {
            Alert resolved = alert(agency, state, AlertStatus.RESOLVED, heat, now,
                    "News about " + agency + " has cooled down (heat " + round2(heat) + ").");
            state.episode = null;
            return Optional.of(resolved);
        }
        return Optional.empty();
    }

    private Alert alert(String agency, AgencyHeat state, AlertStatus status, double heat, Instant now, String summary) {
        List<String> plans = List.copyOf(new TreeSet<>(state.unfinished.values()));
        AlertDetails details = new AlertDetails(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, round2(heat), thresholds.heatThreshold(), thresholds.heatHalfLife().toHours() / 24.0,
                state.headlines.stream().map(h -> new AlertDetails.Headline(h.title(), h.url(), h.outlet(),
                        h.publishedAt())).toList(),
                List.copyOf(new TreeSet<>(state.unfinished.keySet())), plans);
        return new Alert(state.episode.alertId(), AlertType.SENSITIVITY_SPIKE, status, Severity.WARNING, null,
                plans.size() == 1 ? plans.get(0) : null, agency, null, null, now, summary, details);
    }

    private static String newId(AgencyHeat state, String base) {
        int uses = state.idUses.merge(base, 1, Integer::sum);
        return uses == 1 ? base : base + ":" + uses;
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
