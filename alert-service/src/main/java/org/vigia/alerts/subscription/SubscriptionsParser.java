package org.vigia.alerts.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;

/**
 * Reads the subscriptions file (YAML). Every problem is reported at once, each naming the
 * subscription (index and name), the field and the rule, e.g.
 * {@code subscriptions[0] (Artículo 19).match.types[2]: must be one of STALLED, RESUMED, …}.
 * Email addresses are never echoed in messages, so the errors can be logged.
 */
public final class SubscriptionsParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> FIELDS = Set.of("id", "name", "emails", "language", "match", "delivery");
    private static final Set<String> MATCH_FIELDS = Set.of("agencies", "sectors", "plans", "commitments", "types", "minSeverity");

    private SubscriptionsParser() {
    }

    public static Subscriptions parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ValidationException("(file)", "is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ValidationException("subscriptions", "is required (the file is empty)");
        }
        JsonNode list = root.get("subscriptions");
        if (list == null || !list.isArray()) {
            throw new ValidationException("subscriptions", "must be a list");
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("subscriptions")) {
                violations.add(new Violation(f, "is not a known field"));
            }
        }
        List<Subscription> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String name = node.path("name").isTextual() ? node.path("name").asText().trim() : "";
            String where = "subscriptions[" + i + "]" + (name.isEmpty() ? "" : " (" + name + ")");
            Subscription s = subscription(node, name, where, violations);
            if (s != null && !ids.add(s.id())) {
                violations.add(new Violation(where + ".id", "'" + s.id() + "' is used by an earlier subscription"));
            }
            result.add(s);
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Subscriptions(result);
    }

    private static Subscription subscription(JsonNode node, String name, String where, List<Violation> out) {
        if (!node.isObject()) {
            out.add(new Violation(where, "must be a mapping with name, emails, language, match and delivery"));
            return null;
        }
        int before = out.size();
        unknownFields(node, FIELDS, where, out);
        if (name.isEmpty()) {
            out.add(new Violation(where + ".name", "is required"));
        }
        String id = node.has("id") ? node.get("id").asText("").trim() : slug(name);
        if (!ID.matcher(id).matches()) {
            out.add(new Violation(where + ".id", node.has("id")
                    ? "must be lower-case letters, digits, '.', '_' or '-' (at most 64)"
                    : "cannot be derived from the name; give an id of lower-case letters and digits"));
        }
        List<String> emails = emails(node.get("emails"), where + ".emails", out);
        Language language = enumValue(node.get("language"), Language.class, where + ".language", null, out);
        Delivery delivery = enumValue(node.get("delivery"), Delivery.class, where + ".delivery", Delivery.IMMEDIATE, out);
        Matchers match = matchers(node.get("match"), where + ".match", out);
        if (language == null && !node.has("language")) {
            out.add(new Violation(where + ".language", "is required: es or en"));
        }
        return out.size() == before ? new Subscription(id, name, emails, language, match, delivery) : null;
    }

    /** Parses a {@code match:} block; also used for the matchers of a silence. */
    public static Matchers matchers(JsonNode node, String where, List<Violation> out) {
        if (node == null || node.isNull()) {
            return Matchers.ALL;
        }
        if (!node.isObject()) {
            out.add(new Violation(where, "must be a mapping of agencies, sectors, plans, commitments, types, minSeverity"));
            return Matchers.ALL;
        }
        unknownFields(node, MATCH_FIELDS, where, out);
        Set<AlertType> types = EnumSet.noneOf(AlertType.class);
        List<JsonNode> typeNodes = list(node.get("types"), where + ".types", out);
        for (int i = 0; i < typeNodes.size(); i++) {
            AlertType type = enumValue(typeNodes.get(i), AlertType.class, where + ".types[" + i + "]", null, out);
            if (type != null) {
                types.add(type);
            }
        }
        return new Matchers(
                strings(node.get("agencies"), where + ".agencies", out),
                strings(node.get("sectors"), where + ".sectors", out),
                strings(node.get("plans"), where + ".plans", out),
                strings(node.get("commitments"), where + ".commitments", out),
                types,
                enumValue(node.get("minSeverity"), Severity.class, where + ".minSeverity", null, out));
    }

    private static List<String> emails(JsonNode node, String where, List<Violation> out) {
        List<String> emails = strings(node, where, out);
        if (emails.isEmpty()) {
            out.add(new Violation(where, "must list at least one email address"));
        }
        for (int i = 0; i < emails.size(); i++) {
            if (!EMAIL.matcher(emails.get(i)).matches()) {
                out.add(new Violation(where + "[" + i + "]", "is not a valid email address"));
            }
        }
        return emails;
    }

    private static List<JsonNode> list(JsonNode node, String where, List<Violation> out) {
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            out.add(new Violation(where, "must be a list"));
            return items;
        }
        node.forEach(items::add);
        return items;
    }

    private static List<String> strings(JsonNode node, String where, List<Violation> out) {
        List<String> values = new ArrayList<>();
        List<JsonNode> items = list(node, where, out);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                out.add(new Violation(where + "[" + i + "]", "must be a non-empty text"));
            } else {
                values.add(item.asText().trim());
            }
        }
        return values;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, Class<E> type, String where, E defaultValue,
                                                   List<Violation> out) {
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        String text = node.asText("").trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(type == Language.class || type == Delivery.class
                    ? constant.name().toLowerCase(Locale.ROOT) : constant.name());
        }
        out.add(new Violation(where, "must be one of " + allowed + " (was '" + text + "')"));
        return defaultValue;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String where, List<Violation> out) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                out.add(new Violation(where + "." + f, "is not a known field (expected one of " + String.join(", ", known.stream().sorted().toList()) + ")"));
            }
        }
    }

    /** "Artículo 19" → "articulo19": accents and everything but letters and digits dropped. */
    public static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
