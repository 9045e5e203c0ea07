package org.vigia.kit;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.ValidationException;

/**
 * The HTTP server of a service: {@code /health}, {@code /ready}, {@code /metrics} and the
 * service's own routes. Validation errors anywhere become a 400 naming the field and rule, and
 * a {@link RequestRefused} (what {@link RequestGuard} and a service's own policy throw) its
 * status, headers and JSON error, through the one handler registered here.
 * Every response carries the {@link SecurityHeaders}. The readiness {@code /ready} reports is
 * also the gauge {@code vigia_ready} (1 ready, 0 not), labelled with the registry's
 * {@code service} tag, so an alert can fire on a replica that is up but not ready.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    public static HttpServer start(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready,
                                   Consumer<RoutesConfig> routes) {
        return start(host, port, DEFAULT_MAX_BODY, registry, ready, routes);
    }

    public static HttpServer start(String host, int port, long maxBody, PrometheusMeterRegistry registry,
                                   BooleanSupplier ready, Consumer<RoutesConfig> routes) {
        return start(host, port, maxBody, registry, () -> Readiness.of(ready.getAsBoolean()), routes);
    }

    /** With a readiness that can also say "degraded": 200 with the reasons, so the instance stays in service. */
    public static HttpServer start(String host, int port, long maxBody, PrometheusMeterRegistry registry,
                                   Supplier<Readiness> readiness, Consumer<RoutesConfig> routes) {
        Gauge.builder("vigia.ready", readiness, r -> r.get().ready() ? 1 : 0)
                .description("1 when the service is ready (what GET /ready answers with 200), else 0")
                .strongReference(true)
                .register(registry);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = maxBody;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.before(SecurityHeaders::apply);
            config.routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
            config.routes.get("/ready", ctx -> {
                Readiness r = readiness.get();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", r.status());
                if (!r.degraded().isEmpty()) {
                    body.put("degraded", r.degraded());
                }
                ApiErrors.json(ctx, r.ready() ? 200 : 503, body);
            });
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(registry.scrape()));
            config.routes.exception(ValidationException.class, (e, ctx) -> ApiErrors.invalid(ctx, e));
            config.routes.exception(RequestRefused.class, (e, ctx) -> e.answer(ctx));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ApiErrors.respond(ctx, 500, "internal error");
            });
            // Javalin's own 404 and 413 bodies are plain text; a route's own JSON error stays.
            config.routes.error(404, "*", ctx -> {
                if (!answeredWithJson(ctx)) {
                    ApiErrors.respond(ctx, 404, "no such resource: " + ctx.path());
                }
            });
            config.routes.error(413, "*", ctx -> {
                if (!answeredWithJson(ctx)) {
                    ApiErrors.respond(ctx, 413, "request body larger than " + maxBody + " bytes");
                }
            });
            routes.accept(config.routes);
        });
        app.start();
        log.info("HTTP on {}:{}", host, app.port());
        return new HttpServer(app);
    }

    private static boolean answeredWithJson(io.javalin.http.Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.contains("json");
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
