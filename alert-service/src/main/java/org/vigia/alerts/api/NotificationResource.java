package org.vigia.alerts.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.vigia.events.ValidationException;
import org.vigia.kit.ApiErrors;
import org.vigia.kit.Principal;

/**
 * {@code GET /api/v1/notifications?subscriber=&alertId=&limit=}: the delivery log, newest
 * first (default 100, at most 1000), gathered from whichever instances hold it. An
 * {@code admin} sees every subscriber; a {@code cso:<id>} only its own. It names subscribers,
 * alerts and recipients by digest, never an email address.
 */
public final class NotificationResource {
    private final DeliveryLogQuery query;
    private final SubscriberScope scope;

    public NotificationResource(DeliveryLogQuery query, SubscriberScope scope) {
        this.query = query;
        this.scope = scope;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/notifications", this::list);
        routes.exception(DeliveryLogQuery.Unavailable.class, (e, ctx) -> ApiErrors.respond(ctx, 503, e.getMessage()));
    }

    private void list(Context ctx) {
        Principal p = scope.caller(ctx);
        String scope = ctx.queryParam("scope");
        if (scope != null && !scope.equals("local")) {
            throw new ValidationException("scope", "must be local (or absent)");
        }
        boolean local = scope != null;
        int limit = 100;
        String raw = ctx.queryParam("limit");
        if (raw != null) {
            try {
                limit = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || (limit > 1000 && !local)) {
                throw new ValidationException("limit", "must be an integer from 1 to 1000");
            }
        }
        String subscriber = SubscriberScope.subscriberFor(p, blankToNull(ctx.queryParam("subscriber")));
        ApiErrors.json(ctx, 200, query.query(subscriber, blankToNull(ctx.queryParam("alertId")), limit,
                ctx.header("Authorization"), local));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
