package org.vigia.alerts.silence;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigia.alerts.subscription.Matchers;
import org.vigia.alerts.subscription.SubscriptionsParser;
import org.vigia.events.Json;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;
import org.vigia.kit.ApiErrors;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

/**
 * {@code POST/GET/DELETE /api/v1/silences}. Reads are public; writes need a bearer token of
 * an {@code admin} (any silence) or a {@code cso:<subscriber id>} (silences of its own
 * subscription only). The author is the token's principal, never a field of the body.
 */
public final class SilenceResource {
    private static final Set<String> FIELDS = Set.of("matchers", "subscriber", "startsAt", "endsAt", "comment");

    private final SilenceStore store;
    private final TokenStore tokens;
    private final Clock clock;

    public SilenceResource(SilenceStore store, TokenStore tokens, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/silences", this::list);
        routes.get("/api/v1/silences/{id}", ctx -> {
            Optional<Silence> s = store.get(ctx.pathParam("id"));
            if (s.isEmpty()) {
                ApiErrors.respond(ctx, 404, "no silence " + ctx.pathParam("id"));
            } else {
                ApiErrors.json(ctx, 200, view(s.get()));
            }
        });
        routes.post("/api/v1/silences", this::create);
        routes.delete("/api/v1/silences/{id}", this::expire);
    }

    private void list(Context ctx) {
        String state = ctx.queryParam("state");
        if (state != null && !Set.of("pending", "active", "expired").contains(state)) {
            throw new ValidationException("state", "must be pending, active or expired");
        }
        Instant now = clock.instant();
        List<Map<String, Object>> out = store.all().stream()
                .filter(s -> state == null || s.status(now).name().equalsIgnoreCase(state))
                .map(this::view).toList();
        ApiErrors.json(ctx, 200, out);
    }

    private void create(Context ctx) {
        Optional<Principal> principal = authorise(ctx);
        if (principal.isEmpty()) {
            return;
        }
        JsonNode body = Json.parse(Json.strict(), ctx.bodyAsBytes(), Json.strict().constructType(JsonNode.class));
        if (body == null || !body.isObject()) {
            throw new ValidationException("(body)", "must be a JSON object");
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                violations.add(new Violation(f, "is not a known field"));
            }
        }
        Matchers matchers = SubscriptionsParser.matchers(body.get("matchers"), "matchers", violations);
        Instant now = clock.instant();
        Instant startsAt = instant(body, "startsAt", violations).orElse(now);
        Optional<Instant> endsAt = instant(body, "endsAt", violations);
        if (endsAt.isEmpty() && !body.hasNonNull("endsAt")) {
            violations.add(new Violation("endsAt", "is required"));
        }
        if (endsAt.isPresent() && !endsAt.get().isAfter(startsAt)) {
            violations.add(new Violation("endsAt", "must be after startsAt"));
        } else if (endsAt.isPresent() && !endsAt.get().isAfter(now)) {
            violations.add(new Violation("endsAt", "must be in the future"));
        }
        String comment = body.path("comment").isTextual() ? body.get("comment").asText().trim() : "";
        if (comment.isEmpty() || comment.length() > 1000) {
            violations.add(new Violation("comment", "is required (at most 1000 characters): say why"));
        }
        String subscriber = body.path("subscriber").isTextual() ? body.get("subscriber").asText().trim() : null;
        Principal p = principal.get();
        if (p.role() == Principal.Role.CSO) {
            if (subscriber != null && !subscriber.equalsIgnoreCase(p.name())) {
                ApiErrors.respond(ctx, 403, "a CSO token may silence only its own subscription (" + p.name() + ")");
                return;
            }
            subscriber = p.name().toLowerCase(Locale.ROOT);
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Silence silence = new Silence(UUID.randomUUID().toString(), matchers, subscriber, startsAt, endsAt.orElseThrow(),
                p.toString(), comment, now);
        store.put(silence);
        ApiErrors.json(ctx, 201, view(silence));
    }

    private void expire(Context ctx) {
        Optional<Principal> principal = authorise(ctx);
        if (principal.isEmpty()) {
            return;
        }
        Optional<Silence> found = store.get(ctx.pathParam("id"));
        if (found.isEmpty()) {
            ApiErrors.respond(ctx, 404, "no silence " + ctx.pathParam("id"));
            return;
        }
        Silence s = found.get();
        Principal p = principal.get();
        if (p.role() == Principal.Role.CSO && (s.subscriber() == null || !s.subscriber().equalsIgnoreCase(p.name()))) {
            ApiErrors.respond(ctx, 403, "a CSO token may expire only its own subscription's silences");
            return;
        }
        Instant now = clock.instant();
        if (s.status(now) != Silence.Status.EXPIRED) {
            s = s.expiredAt(now);
            store.put(s);
        }
        ApiErrors.json(ctx, 200, view(s));
    }

    /** The caller's principal if it may write silences; otherwise answers 401/403 and returns empty. */
    private Optional<Principal> authorise(Context ctx) {
        Optional<Principal> p = tokens.authenticateHeader(ctx.header("Authorization"));
        if (p.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            ApiErrors.respond(ctx, 401, "a bearer token is required to change silences");
            return Optional.empty();
        }
        if (p.get().role() != Principal.Role.ADMIN && p.get().role() != Principal.Role.CSO) {
            ApiErrors.respond(ctx, 403, "only admin and CSO tokens may change silences");
            return Optional.empty();
        }
        return p;
    }

    private static Optional<Instant> instant(JsonNode body, String field, List<Violation> violations) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be an ISO-8601 instant in UTC such as 2014-01-10T00:00:00Z"));
            return Optional.empty();
        }
    }

    private Map<String, Object> view(Silence s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("status", s.status(clock.instant()).name().toLowerCase(Locale.ROOT));
        v.put("matchers", s.matchers());
        v.put("subscriber", s.subscriber());
        v.put("startsAt", s.startsAt());
        v.put("endsAt", s.endsAt());
        v.put("createdBy", s.createdBy());
        v.put("comment", s.comment());
        v.put("createdAt", s.createdAt());
        return v;
    }
}
