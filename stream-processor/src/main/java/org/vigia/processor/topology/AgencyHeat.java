package org.vigia.processor.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the news heat keeps per agency (store {@code agency-heat}): the heat as of {@code at}
 * (decayed lazily), recent headlines, the agency's commitments and whether each is unfinished,
 * and the firing SENSITIVITY_SPIKE episode if any.
 */
public final class AgencyHeat {
    public static final int HEADLINES = 5;
    public static final int RECENT_NEWS_IDS = 200;

    public double heat;
    public Instant at;
    public List<Headline> headlines = new ArrayList<>();
    public List<String> recentNewsIds = new ArrayList<>();
    /** commitmentId → planId of the agency's unfinished commitments. */
    public Map<String, String> unfinished = new TreeMap<>();
    public Episode episode;
    public Map<String, Integer> idUses = new LinkedHashMap<>();

    public record Headline(String title, String url, String outlet, Instant publishedAt, double weight) {
    }
}
