package org.vigia.ingest.news;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigia.events.NewsKind;
import org.vigia.kit.SettingsException;

/**
 * The news poller's configuration ({@code VIGIA_FEEDS_FILE}, YAML): the feeds to poll and
 * the keyword dictionary per agency. Every mistake is reported with its path in the file.
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

    public FeedsConfig {
        feeds = List.copyOf(feeds);
        agencies = Map.copyOf(agencies);
    }

    public static FeedsConfig load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new SettingsException("VIGIA_FEEDS_FILE " + file.getFileName() + " is not valid YAML: " + e.getMessage());
        }
        return parse(root, "VIGIA_FEEDS_FILE " + file.getFileName());
    }

    static FeedsConfig parse(JsonNode root, String where) {
        if (root == null || !root.isObject()) {
            throw new SettingsException(where + ": must be a YAML mapping with 'feeds' and 'agencies'");
        }
        Duration defaultInterval = duration(root, "pollInterval", Duration.ofMinutes(15), where);
        Duration timeout = duration(root, "timeout", Duration.ofSeconds(10), where);
        Duration maxBackoff = duration(root, "maxBackoff", Duration.ofHours(1), where);
        Duration maxItemAge = duration(root, "maxItemAge", Duration.ofDays(7), where);

        JsonNode feedsNode = root.path("feeds");
        if (!feedsNode.isArray() || feedsNode.isEmpty()) {
            throw new SettingsException(where + ": 'feeds' must be a non-empty list");
        }
        List<Feed> feeds = new ArrayList<>();
        for (int i = 0; i < feedsNode.size(); i++) {
            JsonNode f = feedsNode.get(i);
            String at = "feeds[" + i + "]";
            URI url;
            try {
                url = URI.create(f.path("url").asText(""));
                if (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new SettingsException(where + ": " + at + ".url must be an http(s) URL, was '" + f.path("url").asText("") + "'");
            }
            String outlet = f.path("outlet").asText("").strip();
            if (outlet.isEmpty() || outlet.length() > 200) {
                throw new SettingsException(where + ": " + at + ".outlet is required (at most 200 characters)");
            }
            feeds.add(new Feed(url, outlet, duration(f, "pollInterval", defaultInterval, where + ": " + at)));
        }

        JsonNode agenciesNode = root.path("agencies");
        if (!agenciesNode.isObject() || agenciesNode.isEmpty()) {
            throw new SettingsException(where + ": 'agencies' must map agency codes to keyword lists");
        }
        Map<String, List<Keyword>> agencies = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = agenciesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String code = e.getKey();
            if (!code.matches("[A-Z0-9_-]{1,32}")) {
                throw new SettingsException(where + ": agencies." + code + " must be an agency code matching [A-Z0-9_-]{1,32}");
            }
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new SettingsException(where + ": agencies." + code + " must be a non-empty list of keywords");
            }
            List<Keyword> keywords = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                keywords.add(keyword(e.getValue().get(i), where + ": agencies." + code + "[" + i + "]"));
            }
            agencies.put(code, keywords);
        }
        return new FeedsConfig(feeds, agencies, timeout, maxBackoff, maxItemAge);
    }

    private static Keyword keyword(JsonNode k, String at) {
        if (k.isTextual()) {
            return new Keyword(k.asText().strip(), NewsKind.GENERAL, 1.0);
        }
        String term = k.path("term").asText("").strip();
        if (term.isEmpty()) {
            throw new SettingsException(at + ".term is required");
        }
        NewsKind kind;
        try {
            kind = NewsKind.valueOf(k.path("kind").asText("GENERAL").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(at + ".kind must be SCANDAL, LEADERSHIP_CHANGE or GENERAL, was '" + k.path("kind").asText() + "'");
        }
        JsonNode w = k.path("weight");
        double weight = w.isMissingNode() ? 1.0 : w.asDouble(Double.NaN);
        if (!(weight > 0) || !w.isMissingNode() && !w.isNumber()) {
            throw new SettingsException(at + ".weight must be a number greater than 0, was '" + w.asText() + "'");
        }
        return new Keyword(term, kind, weight);
    }

    private static Duration duration(JsonNode node, String field, Duration defaultValue, String where) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return defaultValue;
        }
        Duration d = org.vigia.kit.Env.parseDuration(v.asText());
        if (d == null || d.isZero() || d.isNegative()) {
            throw new SettingsException(where + ": " + field + " must be a duration such as 30s, 15m, 1h or 7d, was '" + v.asText() + "'");
        }
        return d;
    }
}
