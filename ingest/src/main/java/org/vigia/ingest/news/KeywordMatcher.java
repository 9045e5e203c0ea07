package org.vigia.ingest.news;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.vigia.events.NewsKind;
import org.vigia.ingest.news.FeedsConfig.Keyword;

/**
 * Matches news text against the keyword dictionary per agency. Text and terms are folded
 * the same way — Unicode NFD, combining marks removed, lower case — so "Procuraduría",
 * "PROCURADURIA" and "procuraduria" are one word, and a term matches only as whole words
 * ("PGR" does not match inside "PGRS").
 *
 * <p>A news item gets one kind and one weight: the strongest kind among the keywords it
 * matched (SCANDAL over LEADERSHIP_CHANGE over GENERAL) and the largest weight.
 */
public final class KeywordMatcher {
    private record Entry(String agency, Keyword keyword, Pattern pattern) {
    }

    /** What an item matched. */
    public record Match(List<String> agencies, List<String> keywords, NewsKind kind, double weight) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public KeywordMatcher(Map<String, List<Keyword>> dictionary) {
        dictionary.forEach((agency, keywords) -> keywords.forEach(k -> entries.add(new Entry(agency, k,
                Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(fold(k.term())) + "(?![\\p{L}\\p{N}])")))));
    }

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    public Optional<Match> match(String text) {
        String folded = fold(text);
        Set<String> agencies = new TreeSet<>();
        Set<String> keywords = new LinkedHashSet<>();
        NewsKind kind = null;
        double weight = 0;
        for (Entry e : entries) {
            if (e.pattern().matcher(folded).find()) {
                agencies.add(e.agency());
                keywords.add(fold(e.keyword().term()));
                kind = kind == null || strength(e.keyword().kind()) > strength(kind) ? e.keyword().kind() : kind;
                weight = Math.max(weight, e.keyword().weight());
            }
        }
        return agencies.isEmpty() ? Optional.empty()
                : Optional.of(new Match(List.copyOf(agencies), List.copyOf(keywords), kind, weight));
    }

    private static int strength(NewsKind kind) {
        return switch (kind) {
            case SCANDAL -> 3;
            case LEADERSHIP_CHANGE -> 2;
            case GENERAL -> 1;
        };
    }
}
