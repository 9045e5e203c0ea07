package org.vigia.kit;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigia.events.Json;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;

/**
 * JSON bodies for HTTP errors: {@code {"status":400,"error":"...","violations":[{"field":..,"rule":..}]}}.
 */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static void respond(Context ctx, int status, String error) {
        respond(ctx, status, error, List.of());
    }

    public static void respond(Context ctx, int status, String error, List<Violation> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        if (!violations.isEmpty()) {
            body.put("violations", violations);
        }
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    public static void invalid(Context ctx, ValidationException e) {
        respond(ctx, 400, e.getMessage(), e.violations());
    }

    public static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(value));
    }
}
