package org.vigia.ingest.news;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vigia.events.NewsKind;
import org.vigia.kit.ConfigReader;

/**
 * The news poller's configuration ({@code VIGIA_FEEDS_FILE}, YAML): the feeds to poll and
 * the keyword dictionary per agency. Every mistake is reported at once, each with its path
 * in the file (e.g. {@code agencies.PGR[1].kind: must be one of …}), through service-kit's
 * {@link ConfigReader}.
 * <pre>
 * pollInterval: 15m      # default for every feed
 * timeout: 10s           # a whole request, headers and body
 * maxBackoff: 1h         # longest wait after repeated errors
 * maxItemAge: 7d         # older items are ignored; keep it within vigia.news's retention
 * feeds:
 *   - url: https://example.org/rss/politica.xml
 *     outlet: Diario Ejemplo
 *     pollInterval: 10m  # optional
 * agencies:
 *   PGR:
 *     - { term: "Procuraduría General de la República", kind: GENERAL, weight: 0.5 }
 *     - { term: Ayotzinapa, kind: SCANDAL, weight: 2.0 }
 * </pre>
 */
public record FeedsConfig(List<Feed> feeds, Map<String, List<Keyword>> agencies, Duration timeout, Duration maxBackoff,
                          Duration maxItemAge) {

    /** One feed to poll. */
    public record Feed(URI url, String outlet, Duration pollInterval) {
    }

    /** One dictionary entry: a term (matched as whole words, case and accents ignored) and what a match means. */
    public record Keyword(String term, NewsKind kind, double weight) {
    }

    private static final Pattern AGENCY_CODE = Pattern.compile("[A-Z0-9_-]{1,32}");

    public FeedsConfig {
        feeds = List.copyOf(feeds);
        agencies = Map.copyOf(agencies);
    }

    /** Reads the file; every mistake in it is reported at once, and nothing is returned unless it is sound. */
    public static FeedsConfig load(Path file) {
        String what = "VIGIA_FEEDS_FILE " + file.getFileName();
        return parse(ConfigReader.readYaml(file, what), what);
    }

    static FeedsConfig parse(JsonNode root, String what) {
        ConfigReader r = new ConfigReader();
        if (!root.isObject()) {
            r.reject("(file)", "must be a YAML mapping with 'feeds' and 'agencies'");
            r.throwIfInvalid(what);
        }
        Duration defaultInterval = r.duration(root.get("pollInterval"), "pollInterval", Duration.ofMinutes(15));
        Duration timeout = r.duration(root.get("timeout"), "timeout", Duration.ofSeconds(10));
        Duration maxBackoff = r.duration(root.get("maxBackoff"), "maxBackoff", Duration.ofHours(1));
        Duration maxItemAge = r.duration(root.get("maxItemAge"), "maxItemAge", Duration.ofDays(7));

        List<Feed> feeds = new ArrayList<>();
        List<JsonNode> feedNodes = r.nonEmptyList(root.get("feeds"), "feeds");
        for (int i = 0; i < feedNodes.size(); i++) {
            feeds.add(feed(feedNodes.get(i), ConfigReader.index("feeds", i), defaultInterval, r));
        }

        Map<String, List<Keyword>> agencies = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : r.nonEmptyMap(root.get("agencies"), "agencies").entrySet()) {
            String code = e.getKey();
            String at = ConfigReader.field("agencies", code);
            r.check(AGENCY_CODE.matcher(code).matches(), at, "must be an agency code matching " + AGENCY_CODE);
            List<Keyword> keywords = new ArrayList<>();
            List<JsonNode> keywordNodes = r.nonEmptyList(e.getValue(), at);
            for (int i = 0; i < keywordNodes.size(); i++) {
                keywords.add(keyword(keywordNodes.get(i), ConfigReader.index(at, i), r));
            }
            agencies.put(code, keywords);
        }
        r.throwIfInvalid(what);
        return new FeedsConfig(feeds, agencies, timeout, maxBackoff, maxItemAge);
    }

    private static Feed feed(JsonNode f, String at, Duration defaultInterval, ConfigReader r) {
        String text = f.path("url").asText("");
        URI url = null;
        try {
            url = URI.create(text);
        } catch (IllegalArgumentException e) {
            // reported below, as a URL without a scheme is
        }
        boolean web = url != null && url.getScheme() != null && url.getScheme().matches("https?") && url.getHost() != null;
        r.check(web, at + ".url", "must be an http(s) URL (was '" + text + "')");
        String outlet = f.path("outlet").asText("").strip();
        r.check(!outlet.isEmpty() && outlet.length() <= 200, at + ".outlet", "is required (at most 200 characters)");
        return new Feed(url, outlet, r.duration(f.get("pollInterval"), at + ".pollInterval", defaultInterval));
    }

    private static Keyword keyword(JsonNode k, String at, ConfigReader r) {
        if (k.isTextual()) {
            return new Keyword(k.asText().strip(), NewsKind.GENERAL, 1.0);
        }
        String term = k.path("term").asText("").strip();
        r.check(!term.isEmpty(), at + ".term", "is required");
        NewsKind kind = r.oneOf(k.get("kind"), at + ".kind", NewsKind.class, NewsKind.GENERAL);
        double weight = r.positiveNumber(k.get("weight"), at + ".weight", 1.0);
        return new Keyword(term, kind, weight);
    }
}
