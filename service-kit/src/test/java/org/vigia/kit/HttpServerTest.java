package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.vigia.events.ValidationException;

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
}
