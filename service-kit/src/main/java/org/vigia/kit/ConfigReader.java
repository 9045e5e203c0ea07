package org.vigia.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vigia.events.Violation;

/**
 * The one way Vigía reads a YAML configuration file: every accessor checks one value, and
 * when the value breaks its rule it records a violation {@code path: rule} (for example
 * {@code subscriptions[0].match.types[2]: must be one of …}) and returns a fallback, so the
 * reader goes on and an operator learns of every mistake in one start-up rather than one per
 * attempt. {@link #throwIfInvalid} then refuses the whole file; a caller builds its result
 * only after that call, so nothing partial is ever returned.
 *
 * <p>A value is <em>absent</em> when its key is missing or set to {@code ~}/{@code null};
 * optional accessors then return their default without a violation. Paths are built with
 * {@link #field} and {@link #index}. A reader is for one file and one thread.
 */
public final class ConfigReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Violation> violations = new ArrayList<>();

    /** The YAML tree of a file; an empty file reads as a missing node. {@code what} names the file in the error. */
    public static JsonNode readYaml(Path file, String what) {
        try {
            return readYaml(Files.readString(file), what);
        } catch (IOException e) {
            throw new SettingsException(what + " cannot be read: " + e.getMessage());
        }
    }

    /** The YAML tree of a text; an empty text reads as a missing node. */
    public static JsonNode readYaml(String yaml, String what) {
        try {
            JsonNode root = YAML.readTree(yaml);
            return root == null ? MissingNode.getInstance() : root;
        } catch (JsonProcessingException e) {
            throw new SettingsException(what + " is not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** {@code parent.name}, or just {@code name} at the top of the file. */
    public static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** {@code parent[i]}. */
    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** True when the key is missing or its value is {@code null}. */
    public static boolean absent(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull();
    }

    /** Records that {@code path} breaks {@code rule}. */
    public void reject(String path, String rule) {
        violations.add(new Violation(path, rule));
    }

    /** Records a violation unless {@code ok}; returns {@code ok}. */
    public boolean check(boolean ok, String path, String rule) {
        if (!ok) {
            reject(path, rule);
        }
        return ok;
    }

    /** A scalar as trimmed text; "is required" when absent, empty or not a scalar. */
    public String requiredText(JsonNode value, String path) {
        String text = optionalText(value, path, "");
        check(!text.isEmpty() || !absent(value) && !value.isValueNode(), path, "is required");
        return text;
    }

    /** A scalar as trimmed text, or the default when absent; a list or mapping is a violation. */
    public String optionalText(JsonNode value, String path, String defaultValue) {
        if (absent(value)) {
            return defaultValue;
        }
        if (!value.isValueNode()) {
            reject(path, "must be a text, not a " + (value.isArray() ? "list" : "mapping"));
            return defaultValue;
        }
        return value.asText().trim();
    }

    /** A quoted YAML string matching {@code pattern} in full; otherwise {@code rule} is recorded and "" returned. */
    public String matching(JsonNode value, String path, Pattern pattern, String rule) {
        String text = value != null && value.isTextual() ? value.asText() : "";
        return check(pattern.matcher(text).matches(), path, rule) ? text : "";
    }

    /** A positive duration such as 30s, 15m, 1h or 7d (or ISO-8601), or the default when absent. */
    public Duration duration(JsonNode value, String path, Duration defaultValue) {
        if (absent(value)) {
            return defaultValue;
        }
        Duration d = value.isValueNode() ? Env.parseDuration(value.asText()) : null;
        if (d == null || d.isZero() || d.isNegative()) {
            reject(path, "must be a duration such as 30s, 15m, 1h or 7d (was '" + value.asText() + "')");
            return defaultValue;
        }
        return d;
    }

    /** A whole number in {@code [min, max]}, or the default when absent. */
    public int intInRange(JsonNode value, String path, int defaultValue, int min, int max) {
        if (absent(value)) {
            return defaultValue;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < min || value.intValue() > max) {
            reject(path, "must be a whole number from " + min + " to " + max + " (was '" + value.asText() + "')");
            return defaultValue;
        }
        return value.intValue();
    }

    /** A YAML number greater than 0, or the default when absent. */
    public double positiveNumber(JsonNode value, String path, double defaultValue) {
        if (absent(value)) {
            return defaultValue;
        }
        if (!value.isNumber() || !(value.asDouble() > 0)) {
            reject(path, "must be a number greater than 0 (was '" + value.asText() + "')");
            return defaultValue;
        }
        return value.asDouble();
    }

    /** One of the enum's constants, any case, listed by name in the rule; the default when absent. */
    public <E extends Enum<E>> E oneOf(JsonNode value, String path, Class<E> type, E defaultValue) {
        return oneOf(value, path, type, defaultValue, Enum::name);
    }

    /** One of the enum's constants, any case; the rule lists them as {@code spelling} writes them in the file. */
    public <E extends Enum<E>> E oneOf(JsonNode value, String path, Class<E> type, E defaultValue,
                                       Function<E, String> spelling) {
        if (absent(value)) {
            return defaultValue;
        }
        String text = value.isValueNode() ? value.asText().trim() : "";
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(spelling).collect(Collectors.joining(", "));
        reject(path, "must be one of " + allowed + " (was '" + value.asText() + "')");
        return defaultValue;
    }

    /** The items of a list; none when absent; "must be a list" when it is something else. */
    public List<JsonNode> list(JsonNode value, String path) {
        List<JsonNode> items = new ArrayList<>();
        if (absent(value)) {
            return items;
        }
        if (check(value.isArray(), path, "must be a list")) {
            value.forEach(items::add);
        }
        return items;
    }

    /** The items of a list that must be there, though it may be empty. */
    public List<JsonNode> requiredList(JsonNode value, String path) {
        check(!absent(value), path, "must be a list");
        return list(value, path);
    }

    /** The items of a list that must hold at least one item. */
    public List<JsonNode> nonEmptyList(JsonNode value, String path) {
        List<JsonNode> items = absent(value) || value.isArray() ? list(value, path) : List.of();
        check(!items.isEmpty(), path, "must be a non-empty list");
        return items;
    }

    /** A list of non-empty scalars as trimmed texts; none when absent. */
    public List<String> texts(JsonNode value, String path) {
        List<String> texts = new ArrayList<>();
        List<JsonNode> items = list(value, path);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (check(item.isValueNode() && !item.isNull() && !item.asText().isBlank(), index(path, i), "must be a non-empty text")) {
                texts.add(item.asText().trim());
            }
        }
        return texts;
    }

    /** The entries of a mapping that must hold at least one key, in file order. */
    public Map<String, JsonNode> nonEmptyMap(JsonNode value, String path) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (check(value != null && value.isObject() && !value.isEmpty(), path, "must be a non-empty mapping")) {
            value.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
        }
        return entries;
    }

    /** Records every key of the mapping that is not in {@code known}: a misspelt key would otherwise be ignored. */
    public void unknownFields(JsonNode mapping, String path, Collection<String> known) {
        if (mapping == null || !mapping.isObject()) {
            return;
        }
        String expected = known.stream().sorted().collect(Collectors.joining(", "));
        for (Iterator<String> it = mapping.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                reject(field(path, f), "is not a known field (expected one of " + expected + ")");
            }
        }
    }

    /** The violations recorded so far, in the order they were found. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** How many violations are recorded; compare before and after reading a part to know whether it was sound. */
    public int count() {
        return violations.size();
    }

    /**
     * Throws when any violation was recorded, listing every one on its own line after
     * {@code what} (the setting and the file name), e.g. {@code VIGIA_FEEDS_FILE feeds.yaml}.
     */
    public void throwIfInvalid(String what) {
        if (!violations.isEmpty()) {
            throw new SettingsException(what + " is invalid (" + violations.size() + " problem"
                    + (violations.size() == 1 ? "" : "s") + "):\n" + violations.stream()
                    .map(v -> "  " + v).collect(Collectors.joining("\n")));
        }
    }

    /** A constant as the files spell it when they spell it in lower case ({@code es}, {@code daily}). */
    public static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
