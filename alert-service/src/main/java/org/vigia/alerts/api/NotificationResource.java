package org.vigia.alerts.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.vigia.alerts.notification.Notification;
import org.vigia.events.ValidationException;
import org.vigia.kit.ApiErrors;
import org.vigia.kit.Principal;

/**
 * {@code GET /api/v1/notifications?subscriber=&alertId=&limit=}: the delivery log, newest
 * first (default 100, at most 1000), gathered from whichever instances hold it. An
 * {@code admin} sees every subscriber; a {@code cso:<id>} only its own. It names subscribers,
 * alerts and recipients by digest, never an email address.
 *
 * <p>With {@code order=key} the log comes in its own key order (subscriber, alert, kind), page
 * by page: a full page carries {@code Link: <…&after=TOKEN>; rel="next"}, and {@code after}
 * continues just past the last entry of the page it came with. Each page is a range read from
 * that point, so walking a log of any size costs one pass over it, every entry present
 * throughout the walk listed exactly once.
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
        boolean byKey = byKey(ctx.queryParam("order"));
        int limit = limit(ctx.queryParam("limit"), local);
        String subscriber = SubscriberScope.subscriberFor(p, blankToNull(ctx.queryParam("subscriber")));
        String alertId = blankToNull(ctx.queryParam("alertId"));
        String after = ctx.queryParam("after");
        if (!byKey) {
            if (after != null) {
                throw new ValidationException(PageToken.FIELD, "needs order=key (pages follow the log's key order)");
            }
            ApiErrors.json(ctx, 200, query.query(subscriber, alertId, limit, ctx.header("Authorization"), local));
            return;
        }
        String afterKey = after == null ? null : PageToken.keyOf(after);
        if (afterKey != null && subscriber != null && !afterKey.startsWith(Notification.keyPrefix(subscriber))) {
            throw new ValidationException(PageToken.FIELD, "is a position in another subscriber's log; a page token continues "
                    + "the listing it came with");
        }
        List<NotificationView> page = query.page(subscriber, alertId, afterKey, limit, ctx.header("Authorization"), local);
        if (page.size() == limit) {
            ctx.header("Link", "<" + next(ctx, PageToken.after(page.get(page.size() - 1).key())) + ">; rel=\"next\"");
        }
        ApiErrors.json(ctx, 200, page);
    }

    private static boolean byKey(String order) {
        if (order == null || order.equals("newest")) {
            return false;
        }
        if (order.equals("key")) {
            return true;
        }
        throw new ValidationException("order", "must be newest (the default) or key");
    }

    private static int limit(String raw, boolean local) {
        if (raw == null) {
            return 100;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || (limit > 1000 && !local)) {
            throw new ValidationException("limit", "must be an integer from 1 to 1000");
        }
        return limit;
    }

    /** This request's path and parameters, with {@code after} set to the token of the next page. */
    private static String next(Context ctx, String token) {
        StringBuilder url = new StringBuilder(ctx.path()).append('?');
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!e.getKey().equals(PageToken.FIELD)) {
                e.getValue().forEach(v -> url.append(enc(e.getKey())).append('=').append(enc(v)).append('&'));
            }
        }
        return url.append(PageToken.FIELD).append('=').append(token).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
