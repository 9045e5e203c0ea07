package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of the guard as a client sees it, through a real server and the registered handler. */
class RequestGuardTest {
    private static final int MAX_BODY = 64;

    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicLong nanos = new AtomicLong();
    private HttpServer server;
    private String agency;
    private String admin;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        String[] agencyToken = TokenStore.mint(Principal.parse("agency:SCT"));
        String[] adminToken = TokenStore.mint(Principal.parse("admin"));
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, "tokens:\n" + agencyToken[1] + "\n" + adminToken[1] + "\n");
        agency = agencyToken[0];
        admin = adminToken[0];
        RequestGuard guard = new RequestGuard(TokenStore.load(file), MAX_BODY, new RateLimiter(1, 2, nanos::get));
        server = HttpServer.start("127.0.0.1", 0, Metrics.registry("t"), () -> true, routes ->
                routes.post("/api/v1/things", ctx -> {
                    Principal p = guard.authenticate(ctx, Set.of(Principal.Role.AGENCY, Principal.Role.IRM));
                    ctx.result(p + " sent " + guard.jsonBody(ctx).length + " bytes");
                }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String token, String type, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/things"))
                .POST(body);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return post(token, "application/json; charset=utf-8", HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void aKnownTokenOfAnAllowedRoleWithASmallJsonBodyPasses() throws Exception {
        HttpResponse<String> ok = post(agency, "{}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("agency:SCT sent 2 bytes");
    }

    @Test
    void noTokenIsA401WithTheBearerChallenge() throws Exception {
        HttpResponse<String> r = post(null, "{}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).isEqualTo("{\"status\":401,\"error\":\"a bearer token is required (Authorization: Bearer <token>)\"}");
    }

    @Test
    void anUnknownTokenIsA401SayingTheTokenIsInvalid() throws Exception {
        HttpResponse<String> r = post(agency + "x", "{}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(r.body()).contains("the bearer token is not known").doesNotContain(agency);
    }

    @Test
    void aRoleTheEndpointDoesNotAllowIsA403NamingPrincipalMethodPathAndAllowedRoles() throws Exception {
        HttpResponse<String> r = post(admin, "{}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("principal admin may not use POST /api/v1/things (allowed: [agency, irm])");
    }

    @Test
    void aBodyThatIsNotJsonIsA415() throws Exception {
        HttpResponse<String> text = post(agency, "text/plain", HttpRequest.BodyPublishers.ofString("{}"));
        HttpResponse<String> none = post(agency, null, HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("Content-Type must be application/json (was 'text/plain')");
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(none.body()).contains("(was absent)");
    }

    @Test
    void aBodyOverTheLimitIsA413WhetherItsLengthIsDeclaredOrOnlyStreamed() throws Exception {
        String big = "\"" + "x".repeat(MAX_BODY) + "\"";
        HttpResponse<String> declared = post(agency, big);
        HttpResponse<String> streamed = post(agency, "application/json", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("the request body is larger than " + MAX_BODY + " bytes");
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(streamed.body()).contains("the request body is larger than " + MAX_BODY + " bytes");
    }

    @Test
    void aCallerOverItsRateIsA429WithRetryAfterAndOthersAreNotHeldBack() throws Exception {
        assertThat(post(agency, "{}").statusCode()).isEqualTo(200);
        assertThat(post(agency, "{}").statusCode()).isEqualTo(200);

        HttpResponse<String> limited = post(agency, "{}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.body()).contains("too many requests for agency:SCT: at most 1.0 a second");
        assertThat(post(admin, "{}").statusCode()).as("another caller has its own bucket").isEqualTo(403);
        nanos.addAndGet(1_000_000_000L);
        assertThat(post(agency, "{}").statusCode()).as("a second later one request is allowed again").isEqualTo(200);
    }
}
