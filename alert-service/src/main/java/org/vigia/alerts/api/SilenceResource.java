package org.vigia.alerts.api;

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
import org.vigia.alerts.silence.Silence;
import org.vigia.alerts.silence.SilenceStore;
import org.vigia.alerts.subscription.Matchers;
import org.vigia.alerts.subscription.SubscriptionsParser;
import org.vigia.events.Json;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;
import org.vigia.kit.ApiErrors;
import org.vigia.kit.Principal;
import org.vigia.kit.RequestRefused;

/**
 * {@code POST/GET/DELETE /api/v1/silences}. Every call needs a bearer token: an {@code admin}
 * sees and changes any silence; a {@code cso:<subscriber id>} sees the silences of its own
 * subscription and those for everyone, and creates or expires only its own. The author is the
 * token's principal, never a field of the body.
 */
public final class SilenceResource {
    private static final Set<String> FIELDS = Set.of("matchers", "subscriber", "startsAt", "endsAt", "comment");

    private final SilenceStore store;
    private final SubscriberScope scope;
    private final Clock clock;

    public SilenceResource(SilenceStore store, SubscriberScope scope, Clock clock) {
        this.store = store;
        this.scope = scope;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/silences", this::list);
        routes.get("/api/v1/silences/{id}", ctx -> {
            Principal p = scope.caller(ctx);
            Optional<Silence> s = store.get(ctx.pathParam("id")).filter(x -> visibleTo(p, x));
            if (s.isEmpty()) {
                ApiErrors.respond(ctx, 404, "no silence " + ctx.pathParam("id"));
            } else {
                ApiErrors.json(ctx, 200, view(s.get()));
            }
        });
        routes.post("/api/v1/silences", this::create);
        routes.delete("/api/v1/silences/{id}", this::expire);
    }

    /** A CSO sees its own silences and those that mute every subscriber (which mute it too). */
    private static boolean visibleTo(Principal p, Silence s) {
        String own = SubscriberScope.ownSubscriber(p);
        return own == null || s.subscriber() == null || s.subscriber().equalsIgnoreCase(own);
    }

    private void list(Context ctx) {
        Principal p = scope.caller(ctx);
        String state = ctx.queryParam("state");
        if (state != null && !Set.of("pending", "active", "expired").contains(state)) {
            throw new ValidationException("state", "must be pending, active or expired");
        }
        Instant now = clock.instant();
        List<Map<String, Object>> out = store.all().stream()
                .filter(s -> visibleTo(p, s))
                .filter(s -> state == null || s.status(now).name().equalsIgnoreCase(state))
                .map(this::view).toList();
        ApiErrors.json(ctx, 200, out);
    }

    private void create(Context ctx) {
        Principal p = scope.caller(ctx);
        JsonNode body = Json.parse(Json.strict(), scope.jsonBody(ctx), Json.strict().constructType(JsonNode.class));
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
        if (p.role() == Principal.Role.CSO && subscriber != null && !subscriber.equalsIgnoreCase(p.name())) {
            throw RequestRefused.forbidden("a CSO token may silence only its own subscription (" + p.name() + ")");
        }
        subscriber = SubscriberScope.subscriberFor(p, subscriber);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Silence silence = new Silence(UUID.randomUUID().toString(), matchers, subscriber, startsAt, endsAt.orElseThrow(),
                p.toString(), comment, now);
        store.put(silence);
        ApiErrors.json(ctx, 201, view(silence));
    }

    private void expire(Context ctx) {
        Principal p = scope.caller(ctx);
        Optional<Silence> found = store.get(ctx.pathParam("id"));
        if (found.isEmpty()) {
            ApiErrors.respond(ctx, 404, "no silence " + ctx.pathParam("id"));
            return;
        }
        Silence s = found.get();
        if (p.role() == Principal.Role.CSO && (s.subscriber() == null || !s.subscriber().equalsIgnoreCase(p.name()))) {
            throw RequestRefused.forbidden("a CSO token may expire only its own subscription's silences");
        }
        Instant now = clock.instant();
        if (s.status(now) != Silence.Status.EXPIRED) {
            s = s.expiredAt(now);
            store.put(s);
        }
        ApiErrors.json(ctx, 200, view(s));
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
