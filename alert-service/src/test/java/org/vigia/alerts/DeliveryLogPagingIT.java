package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigia.alerts.TestAlerts.resolved;
import static org.vigia.alerts.TestAlerts.stalled;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigia.events.Alert;
import org.vigia.events.Json;
import org.vigia.kit.Env;
import org.vigia.kit.TokenStore;

/**
 * {@code GET /api/v1/notifications?order=key}, page by page through the {@code Link rel="next"}
 * tokens, on two instances that share the log (one standby copy of each partition): asked of
 * either instance, a walk lists every entry of the log exactly once, in key order, whether the
 * whole log or one subscriber's; and each way of getting a token wrong is a 400 naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryLogPagingIT {
    static final int SUBSCRIBERS = 8;
    static final int ALERTS = 30;
    static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

    private final HttpClient http = HttpClient.newHttpClient();
    private GreenMail smtp;
    private Timeline timeline;
    private AlertService b;
    private final List<String> allKeys = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        StringBuilder subscriptions = new StringBuilder("subscriptions:\n");
        for (int i = 1; i <= SUBSCRIBERS; i++) {
            subscriptions.append("  - name: CSO %d\n    id: cso%d\n    emails: [alertas@cso%d.example]\n    language: es\n"
                    .formatted(i, i, i));
        }
        timeline = new Timeline(smtp, smtp.getSmtp().getPort(), Clock.systemUTC(), subscriptions.toString(),
                Map.of("VIGIA_STANDBY_REPLICAS", "1"));
        String tokens = "tokens:\n" + entry("admin-secret", "admin") + entry("cso1-secret", "cso:cso1");
        timeline.env().put("VIGIA_TOKENS_FILE", timeline.writeFile("tokens.yaml", tokens).toString());
        timeline.start();
        Map<String, String> envB = new HashMap<>(timeline.env());
        envB.put("VIGIA_STATE_DIR", Files.createTempDirectory("vigia-alerts-paging-b-").toString());
        b = new AlertService(AlertSettings.from(new Env(envB)), Clock.systemUTC());
        b.start();

        List<Alert> firings = new ArrayList<>();
        List<Alert> resolutions = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            Alert a = stalled("stall-pg-%02d-e1".formatted(i), "PGR", "MX-PG-%02d".formatted(i), "Compromiso " + i, 91 + i);
            firings.add(a);
            if (i % 3 == 0) {
                resolutions.add(resolved(a));
            }
        }
        timeline.pushWithoutWaiting(firings.toArray(Alert[]::new));
        awaitClosed(firings.size() * SUBSCRIBERS);
        timeline.pushWithoutWaiting(resolutions.toArray(Alert[]::new));
        int expected = (firings.size() + resolutions.size()) * SUBSCRIBERS;
        awaitClosed(expected);
        entries(get(a(), "/api/v1/notifications?limit=1000")).forEach(n -> allKeys.add(n.get("key").asText()));
        assertThat(allKeys).hasSize(expected).doesNotHaveDuplicates();
        allKeys.sort((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
    }

    /** Until the log holds this many entries, none pending, split over both instances (each asked for its own). */
    private void awaitClosed(int entries) {
        await("the log to hold " + entries + " notifications, none pending, on both instances").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    List<JsonNode> onA = entries(get(a(), "/api/v1/notifications?scope=local&order=key&limit=100000"));
                    List<JsonNode> onB = entries(get(b.httpPort(), "/api/v1/notifications?scope=local&order=key&limit=100000"));
                    return !onA.isEmpty() && !onB.isEmpty() && onA.size() + onB.size() == entries
                            && Stream.concat(onA.stream(), onB.stream()).noneMatch(n -> n.get("state").asText().equals("pending"));
                });
    }

    private int a() {
        return timeline.service().httpPort();
    }

    private static String entry(String token, String principal) {
        return "  - sha256: \"" + HexFormat.of().formatHex(TokenStore.sha256(token)) + "\"\n    principal: " + principal + "\n";
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        timeline.close();
        smtp.stop();
    }

    @Test
    void walkingTheWholeLogFromEitherInstanceListsEveryEntryOnceInKeyOrder() throws Exception {
        for (int port : new int[] {a(), b.httpPort()}) {
            assertThat(walk(port, "/api/v1/notifications?order=key&limit=17", "admin-secret")).containsExactlyElementsOf(allKeys);
            assertThat(walk(port, "/api/v1/notifications?order=key&limit=1000", "admin-secret")).containsExactlyElementsOf(allKeys);
        }
    }

    @Test
    void walkingOneSubscribersLogListsItsEntriesOnceWhereverItLives() throws Exception {
        for (int s = 1; s <= SUBSCRIBERS; s++) {
            String subscriber = "cso" + s;
            List<String> own = allKeys.stream().filter(k -> k.startsWith(subscriber + "|")).toList();
            assertThat(own).hasSize(allKeys.size() / SUBSCRIBERS);
            for (int port : new int[] {a(), b.httpPort()}) {
                assertThat(walk(port, "/api/v1/notifications?subscriber=" + subscriber + "&order=key&limit=7", "admin-secret"))
                        .containsExactlyElementsOf(own);
            }
        }
        List<String> cso1 = allKeys.stream().filter(k -> k.startsWith("cso1|")).toList();
        assertThat(walk(b.httpPort(), "/api/v1/notifications?order=key&limit=9", "cso1-secret")).containsExactlyElementsOf(cso1);
        assertThat(walk(a(), "/api/v1/notifications?subscriber=cso1&alertId=stall-pg-03-e1&order=key&limit=1", "admin-secret"))
                .containsExactly("cso1|stall-pg-03-e1|FIRING|WARNING", "cso1|stall-pg-03-e1|RESOLVED");
    }

    @Test
    void theNewestFirstListingIsAsBeforeWithoutLinks() throws Exception {
        HttpResponse<String> page = get(a(), "/api/v1/notifications?limit=5");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Link")).isEmpty();
        List<JsonNode> newest = entries(page);
        assertThat(newest).hasSize(5);
        for (int i = 1; i < newest.size(); i++) {
            assertThat(Instant.parse(newest.get(i - 1).get("closedAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(newest.get(i).get("closedAt").asText()));
        }
        assertThat(get(a(), "/api/v1/notifications?order=newest&limit=5").body()).isEqualTo(page.body());
    }

    @Test
    void somethingThatIsNotAPageTokenIsA400NamingAfter() throws Exception {
        assertRefused("/api/v1/notifications?order=key&after=not*a*token", "after", "page token");
        String notOurs = Base64.getUrlEncoder().withoutPadding().encodeToString("cso1|x|FIRING|WARNING".getBytes(StandardCharsets.UTF_8));
        assertRefused("/api/v1/notifications?order=key&after=" + notOurs, "after", "page token");
        assertRefused("/api/v1/notifications?order=key&after=", "after", "page token");
    }

    @Test
    void aTokenWithoutKeyOrderIsA400NamingAfter() throws Exception {
        String token = nextToken(get(a(), "/api/v1/notifications?order=key&limit=3"));
        assertRefused("/api/v1/notifications?after=" + token, "after", "needs order=key");
        assertRefused("/api/v1/notifications?order=newest&after=" + token, "after", "needs order=key");
    }

    @Test
    void anotherSubscribersTokenIsA400NamingAfterAndAnotherSubscribersLogStaysA403() throws Exception {
        String cso2 = nextToken(get(a(), "/api/v1/notifications?subscriber=cso2&order=key&limit=3"));
        assertRefused("/api/v1/notifications?subscriber=cso1&order=key&after=" + cso2, "after", "another subscriber");
        HttpResponse<String> cso = call(a(), "/api/v1/notifications?order=key&after=" + cso2, "cso1-secret");
        assertThat(cso.statusCode()).isEqualTo(400);
        assertThat(cso.body()).contains("\"field\":\"after\"").doesNotContain("alertas@");
        assertThat(call(a(), "/api/v1/notifications?subscriber=cso2&order=key", "cso1-secret").statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownOrderOrABadLimitIsA400NamingTheField() throws Exception {
        assertRefused("/api/v1/notifications?order=oldest", "order", "must be newest (the default) or key");
        assertRefused("/api/v1/notifications?order=key&limit=0", "limit", "from 1 to 1000");
        assertRefused("/api/v1/notifications?order=key&limit=1001", "limit", "from 1 to 1000");
    }

    private void assertRefused(String path, String field, String rule) throws Exception {
        HttpResponse<String> r = get(a(), path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(400);
        JsonNode violation = Json.wire().readTree(r.body()).get("violations").get(0);
        assertThat(violation.get("field").asText()).isEqualTo(field);
        assertThat(violation.get("rule").asText()).contains(rule);
    }

    /** Every key of a listing, following its Link rel="next" until a page has none. */
    private List<String> walk(int port, String first, String token) throws Exception {
        List<String> keys = new ArrayList<>();
        String path = first;
        for (int pages = 0; path != null; pages++) {
            assertThat(pages).as("pages of " + first).isLessThan(1000);
            HttpResponse<String> r = call(port, path, token);
            assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
            entries(r).forEach(n -> keys.add(n.get("key").asText()));
            path = r.headers().firstValue("Link").map(link -> {
                Matcher m = NEXT.matcher(link);
                assertThat(m.matches()).as(link).isTrue();
                return m.group(1);
            }).orElse(null);
        }
        return keys;
    }

    private static String nextToken(HttpResponse<String> r) {
        String link = r.headers().firstValue("Link").orElseThrow();
        return link.substring(link.indexOf("after=") + "after=".length(), link.indexOf('>'));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return call(port, path, "admin-secret");
    }

    private HttpResponse<String> call(int port, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> entries(HttpResponse<String> r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        if (r.statusCode() == 200) {
            Json.wire().readTree(r.body()).forEach(out::add);
        }
        return out;
    }
}
