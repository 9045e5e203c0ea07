package org.vigia.alerts.log;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigia.events.ValidationException;
import org.vigia.kit.ApiErrors;

/**
 * {@code GET /api/v1/notifications?subscriber=&alertId=&limit=}: the delivery log, newest
 * first (default 100, at most 1000). Public like the rest of Vigía's reads: it names
 * subscribers and alerts, never an email address.
 */
public final class NotificationResource {
    private final NotificationLog log;

    public NotificationResource(NotificationLog log) {
        this.log = log;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/notifications", this::list);
    }

    private void list(Context ctx) {
        int limit = 100;
        String raw = ctx.queryParam("limit");
        if (raw != null) {
            try {
                limit = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 1000) {
                throw new ValidationException("limit", "must be an integer from 1 to 1000");
            }
        }
        List<Map<String, Object>> out = log.query(blankToNull(ctx.queryParam("subscriber")), blankToNull(ctx.queryParam("alertId")), limit)
                .stream().map(NotificationResource::view).toList();
        ApiErrors.json(ctx, 200, out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Map<String, Object> view(Notification n) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("subscriber", n.subscriber());
        v.put("alertId", n.alertId());
        v.put("type", n.alert().type());
        v.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
        v.put("status", n.kind() == Kind.RESOLVED ? "RESOLVED" : "FIRING");
        v.put("severity", n.severity());
        if (n.kind() == Kind.REMINDER) {
            v.put("reminder", n.sequence());
        }
        v.put("delivery", n.delivery().name().toLowerCase(Locale.ROOT));
        v.put("state", n.state().name().toLowerCase(Locale.ROOT));
        v.put("receivedAt", n.receivedAt());
        v.put("dueAt", n.dueAt());
        v.put(n.state() == State.SENT ? "sentAt" : "closedAt", n.doneAt());
        v.put("messageId", n.messageId());
        v.put("reason", n.reason());
        v.put("agency", n.alert().agency());
        v.put("commitmentId", n.alert().commitmentId());
        return v;
    }
}
