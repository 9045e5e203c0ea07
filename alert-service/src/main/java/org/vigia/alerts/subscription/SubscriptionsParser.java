package org.vigia.alerts.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;
import org.vigia.events.Violation;
import org.vigia.kit.ConfigReader;

/**
 * Reads the subscriptions file (YAML). Every problem is reported at once, each naming the
 * subscription (index and name), the field and the rule, e.g.
 * {@code subscriptions[0] (Artículo 19).match.types[2]: must be one of STALLED, RESUMED, …}.
 * Email addresses are never echoed in messages, so the errors can be logged.
 */
public final class SubscriptionsParser {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> FIELDS = Set.of("id", "name", "emails", "language", "match", "delivery");
    private static final Set<String> MATCH_FIELDS = Set.of("agencies", "sectors", "plans", "commitments", "types", "minSeverity");

    private SubscriptionsParser() {
    }

    /** Parses a subscriptions text; {@code what} names it in the error, e.g. {@code VIGIA_SUBSCRIPTIONS_FILE subs.yaml}. */
    public static Subscriptions parse(String yaml, String what) {
        JsonNode root = ConfigReader.readYaml(yaml, what);
        ConfigReader r = new ConfigReader();
        if (ConfigReader.absent(root)) {
            r.reject("subscriptions", "is required (the file is empty)");
            r.throwIfInvalid(what);
        }
        r.unknownFields(root, "", Set.of("subscriptions"));
        List<JsonNode> list = r.requiredList(root.get("subscriptions"), "subscriptions");
        List<Subscription> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String name = node.path("name").isTextual() ? node.path("name").asText().trim() : "";
            String where = ConfigReader.index("subscriptions", i) + (name.isEmpty() ? "" : " (" + name + ")");
            Subscription s = subscription(node, name, where, r);
            if (s != null && !ids.add(s.id())) {
                r.reject(where + ".id", "'" + s.id() + "' is used by an earlier subscription");
            }
            result.add(s);
        }
        r.throwIfInvalid(what);
        return new Subscriptions(result);
    }

    /** Parses a subscriptions text that has no file name (tests, the deploy files' check). */
    public static Subscriptions parse(String yaml) {
        return parse(yaml, "subscriptions");
    }

    private static Subscription subscription(JsonNode node, String name, String where, ConfigReader r) {
        if (!node.isObject()) {
            r.reject(where, "must be a mapping with name, emails, language, match and delivery");
            return null;
        }
        int before = r.count();
        r.unknownFields(node, where, FIELDS);
        r.check(!name.isEmpty(), where + ".name", "is required");
        String id = node.has("id") ? node.get("id").asText("").trim() : slug(name);
        r.check(ID.matcher(id).matches(), where + ".id", node.has("id")
                ? "must be lower-case letters, digits, '.', '_' or '-' (at most 64)"
                : "cannot be derived from the name; give an id of lower-case letters and digits");
        List<String> emails = emails(node.get("emails"), where + ".emails", r);
        Language language = r.oneOf(node.get("language"), where + ".language", Language.class, null, ConfigReader::lowerCase);
        Delivery delivery = r.oneOf(node.get("delivery"), where + ".delivery", Delivery.class, Delivery.IMMEDIATE,
                ConfigReader::lowerCase);
        Matchers match = matchers(node.get("match"), where + ".match", r);
        r.check(language != null || node.has("language"), where + ".language", "is required: es or en");
        return r.count() == before ? new Subscription(id, name, emails, language, match, delivery) : null;
    }

    /**
     * Parses a {@code match:} block for the silences API, whose violations become an HTTP 400
     * rather than a refused file: they are added to {@code out}.
     */
    public static Matchers matchers(JsonNode node, String where, List<Violation> out) {
        ConfigReader r = new ConfigReader();
        Matchers matchers = matchers(node, where, r);
        out.addAll(r.violations());
        return matchers;
    }

    private static Matchers matchers(JsonNode node, String where, ConfigReader r) {
        if (ConfigReader.absent(node)) {
            return Matchers.ALL;
        }
        if (!node.isObject()) {
            r.reject(where, "must be a mapping of agencies, sectors, plans, commitments, types, minSeverity");
            return Matchers.ALL;
        }
        r.unknownFields(node, where, MATCH_FIELDS);
        Set<AlertType> types = EnumSet.noneOf(AlertType.class);
        List<JsonNode> typeNodes = r.list(node.get("types"), where + ".types");
        for (int i = 0; i < typeNodes.size(); i++) {
            AlertType type = r.oneOf(typeNodes.get(i), ConfigReader.index(where + ".types", i), AlertType.class, null);
            if (type != null) {
                types.add(type);
            }
        }
        return new Matchers(
                r.texts(node.get("agencies"), where + ".agencies"),
                r.texts(node.get("sectors"), where + ".sectors"),
                r.texts(node.get("plans"), where + ".plans"),
                r.texts(node.get("commitments"), where + ".commitments"),
                types,
                r.oneOf(node.get("minSeverity"), where + ".minSeverity", Severity.class, null));
    }

    private static List<String> emails(JsonNode node, String where, ConfigReader r) {
        List<String> emails = r.texts(node, where);
        r.check(!emails.isEmpty(), where, "must list at least one email address");
        for (int i = 0; i < emails.size(); i++) {
            r.check(EMAIL.matcher(emails.get(i)).matches(), ConfigReader.index(where, i), "is not a valid email address");
        }
        return emails;
    }

    /** "Artículo 19" → "articulo19": accents and everything but letters and digits dropped. */
    public static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
