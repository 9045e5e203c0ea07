package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;

class HttpServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(HttpServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHealthReadinessAndPrometheusMetrics() throws Exception {
        PrometheusMeterRegistry registry = Metrics.registry("test-service");
        registry.counter("vigia.test.things").increment();
        AtomicBoolean ready = new AtomicBoolean(false);
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, registry, ready::get, routes -> { })) {
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);
            assertThat(get(server, "/ready").statusCode()).isEqualTo(503);
            ready.set(true);
            assertThat(get(server, "/ready").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = get(server, "/metrics");
            assertThat(metrics.body()).contains("vigia_test_things_total{service=\"test-service\"} 1.0")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void validationErrorsBecomeA400NamingTheFieldAndUnknownPathsA404() throws Exception {
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, Metrics.registry("t"), () -> true,
                routes -> routes.get("/boom", ctx -> {
                    throw new ValidationException("percent", "must be between 0 and 100");
                }))) {
            HttpResponse<String> bad = get(server, "/boom");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("\"field\":\"percent\"").contains("\"rule\":\"must be between 0 and 100\"");
            HttpResponse<String> missing = get(server, "/nothing-here");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("no such resource");
        }
    }

    @Test
    void aRoutesOwnJsonErrorIsKeptAndAnOversizedBodyGetsAJson413() throws Exception {
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, 16, Metrics.registry("t"), () -> true, routes -> {
            routes.get("/own", ctx -> ApiErrors.respond(ctx, 413, "batch of 5000 exceeds 1000 items"));
            routes.post("/upload", ctx -> ctx.result(ctx.body()));
        })) {
            HttpResponse<String> own = get(server, "/own");
            assertThat(own.statusCode()).isEqualTo(413);
            assertThat(own.body()).contains("batch of 5000 exceeds 1000 items");
            HttpResponse<String> big = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/upload"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.body()).contains("\"status\":413").contains("larger than 16 bytes");
        }
    }

    @Test
    void theReadinessIsAlsoAGaugeLabelledWithTheService() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, Metrics.registry("ingest"), ready::get, routes -> { })) {
            assertThat(get(server, "/metrics").body()).contains("vigia_ready{service=\"ingest\"} 0.0");
            ready.set(true);
            System.gc(); // the gauge must hold its supplier strongly
            assertThat(get(server, "/metrics").body()).contains("vigia_ready{service=\"ingest\"} 1.0");
        }
    }

    static void assertCommonHeaders(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.uri() + " nosniff").contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(r.uri() + " referrer").contains("no-referrer");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(r.uri() + " frames").contains("DENY");
    }

    static void assertSecurityHeaders(HttpResponse<String> r) {
        assertCommonHeaders(r);
        assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.uri() + " CSP").hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersErrorsIncludedAndApiAnswersAreNotCached() throws Exception {
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, 16, Metrics.registry("t"), () -> true, routes -> {
            routes.get("/api/v1/things", ctx -> ApiErrors.json(ctx, 200, java.util.Map.of("n", 1)));
            routes.get("/bad", ctx -> {
                throw new ValidationException("percent", "must be a number");
            });
            routes.get("/boom", ctx -> {
                throw new IllegalStateException("bug");
            });
            routes.post("/upload", ctx -> ctx.result(ctx.body()));
        })) {
            for (String path : java.util.List.of("/api/v1/things", "/bad", "/boom", "/nothing-here", "/health", "/ready", "/metrics")) {
                HttpResponse<String> r = get(server, path);
                assertSecurityHeaders(r);
                assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
            }
            HttpResponse<String> big = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/upload"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(big.statusCode()).isEqualTo(413);
            assertSecurityHeaders(big);
        }
    }

    @Test
    void aPageMaySetItsOwnPolicyAndCachingAndKeepsTheOtherHeaders() throws Exception {
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, Metrics.registry("t"), () -> true,
                routes -> routes.get("/", ctx -> ctx.contentType("text/html").header("Cache-Control", "no-cache")
                        .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
                        .result("<html></html>")))) {
            HttpResponse<String> page = get(server, "/");
            assertCommonHeaders(page);
            assertThat(page.headers().allValues("Content-Security-Policy"))
                    .containsExactly("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
            assertThat(page.headers().allValues("Cache-Control")).containsExactly("no-cache");
        }
    }

    @Test
    void theDefaultPolicyLetsAPageLoadItsOwnScriptStyleImagesAndApiButNothingElse() {
        String csp = SecurityHeaders.CONTENT_SECURITY_POLICY;
        assertThat(csp).startsWith("default-src 'self';").contains("img-src 'self' data:")
                .doesNotContain("script-src").doesNotContain("*").doesNotContain("unsafe-eval");
    }

    /** A service's own refusal (a subclass, as ingest's) reaches the same handler as the guard's, headers and all. */
    @Test
    void aRefusalThrownAnywhereIsAnsweredWithItsStatusHeadersAndViolations() throws Exception {
        class OwnRefusal extends RequestRefused {
            OwnRefusal() {
                super(404, "unknown commitment", List.of(new Violation("[0].commitmentId", "is not in the registry")),
                        Map.of("X-Why", "registry"));
            }
        }
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, Metrics.registry("t"), () -> true,
                routes -> routes.get("/refused", ctx -> {
                    throw new OwnRefusal();
                }))) {
            HttpResponse<String> r = get(server, "/refused");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("X-Why")).hasValue("registry");
            assertThat(r.body()).isEqualTo("{\"status\":404,\"error\":\"unknown commitment\",\"violations\":"
                    + "[{\"field\":\"[0].commitmentId\",\"rule\":\"is not in the registry\"}]}");
        }
    }
}
