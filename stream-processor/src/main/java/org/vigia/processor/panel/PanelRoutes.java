package org.vigia.processor.panel;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The control panel: one static page, its style sheet and its script modules, served from the
 * jar. The page reads the public query API from the browser, so it shows exactly what the API
 * says and needs no server-side rendering; its charts are inline SVG drawn by its own script, so
 * it needs nothing from any other origin and works offline. Public and read-only, as the data it
 * shows.
 *
 * <p>Its Content-Security-Policy is stricter than the services' default: no inline script and
 * no inline style at all (the panel sizes its bars and charts with SVG attributes).
 */
public final class PanelRoutes {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "panel.css", "text/css; charset=utf-8",
            "panel.js", JS,
            "api.js", JS,
            "i18n.js", JS,
            "svg.js", JS,
            "charts.js", JS,
            "overview.js", JS,
            "detail.js", JS);
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private PanelRoutes() {
    }

    public static void register(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, "index.html"));
        routes.get("/panel/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
    }

    private static void serve(Context ctx, String file) {
        String type = FILES.get(file);
        if (type == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such file: " + file);
            return;
        }
        ctx.contentType(type)
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .result(CACHE.computeIfAbsent(file, PanelRoutes::load));
    }

    private static byte[] load(String file) {
        try (InputStream in = PanelRoutes.class.getResourceAsStream("/panel/" + file)) {
            if (in == null) {
                throw new IllegalStateException("panel file missing from the jar: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
