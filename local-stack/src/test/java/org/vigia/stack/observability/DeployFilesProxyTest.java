package org.vigia.stack.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy of the compose stack, {@code deploy/proxy/haproxy.cfg}, run unchanged by the
 * real HAProxy (Debian's, the 2.6 line the compose image runs) on 127.0.0.1. Only what
 * Docker provides is replaced: its DNS by {@link DeployFilesDnsServer}, which answers the service
 * names with the loopback addresses of small HTTP servers standing in for the replicas
 * (each answers {@code /ready} as told and names itself), and the ports by free ones,
 * through the environment variables the file reads.
 */
class DeployFilesProxyTest {
    static final Path BINARY = Path.of("/usr/sbin/haproxy");

    @TempDir
    Path dir;
    private final DeployFiles deploy = DeployFiles.locate();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Replica> replicas = new ArrayList<>();
    private DeployFilesDnsServer dns;
    private Process haproxy;

    @BeforeEach
    void requireHaproxy() {
        String hint = BINARY + " is missing: install Debian's HAProxy (apt-get install haproxy)";
        if (System.getenv("CI") == null) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(BINARY), hint);
        }
        assertThat(Files.isExecutable(BINARY)).as(hint).isTrue();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (haproxy != null) {
            haproxy.destroy();
            if (!haproxy.waitFor(10, TimeUnit.SECONDS)) {
                haproxy.destroyForcibly();
            }
        }
        replicas.forEach(Replica::close);
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void haproxysOwnCheckAcceptsTheFileWithTheComposeDefaultsAndNoWarning() throws Exception {
        Process check = new ProcessBuilder(BINARY.toString(), "-dW", "-c", "-f", config().toString())
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(out).isZero();
    }

    @Test
    void sendsRequestsToEveryReadyReplicaFoundThroughDnsAndPublishesHowManyThereAreAndShouldBe() throws Exception {
        dns = new DeployFilesDnsServer();
        int port = freePortOn("127.0.0.2", "127.0.0.3", "127.0.0.4");
        Replica a = replica("a", "127.0.0.2", port);
        Replica b = replica("b", "127.0.0.3", port);
        Replica alerts = replica("alerts", "127.0.0.2", freePortOn("127.0.0.2"));
        dns.answer("stream-processor", List.of(a.address(), b.address()));
        dns.answer("alert-service", List.of(alerts.address()));
        int panel = freePortOn("127.0.0.1");
        int alertsPort = freePortOn("127.0.0.1");
        int metrics = freePortOn("127.0.0.1");
        start(Map.of("VIGIA_PROXY_RESOLVER", dns.address(), "VIGIA_PROXY_BIND", "127.0.0.1",
                "VIGIA_PROXY_PANEL_PORT", String.valueOf(panel), "VIGIA_PROXY_ALERTS_PORT", String.valueOf(alertsPort),
                "VIGIA_PROXY_METRICS_PORT", String.valueOf(metrics),
                "VIGIA_PROCESSOR_ADDRESS", "stream-processor:" + port, "VIGIA_ALERT_ADDRESS", "alert-service:" + alerts.port,
                "VIGIA_PROCESSOR_REPLICAS", "2"));

        awaitAnswering(panel, Set.of("a", "b"));
        assertThat(get(alertsPort, "/api/v1/notifications").body()).isEqualTo("alerts /api/v1/notifications");
        String exposition = get(metrics, "/metrics").body();
        assertThat(activeServers(exposition, "stream-processor")).isEqualTo(2);
        assertThat(activeServers(exposition, "alert-service")).isEqualTo(1);
        Set<String> exported = ObservedStack.sampleNames(exposition);
        assertThat(deploy.metricsUsed(DeployFiles.Source.PROXY).keySet()).contains("haproxy_backend_active_servers")
                .allSatisfy(metric -> assertThat(metric.equals("vigia_expected_replicas") || exported.contains(metric))
                        .as("%s is exported by HAProxy", metric).isTrue());
        HttpResponse<String> expected = get(metrics, "/expected-replicas");
        assertThat(expected.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(expected.body()).contains("# TYPE vigia_expected_replicas gauge\n")
                .contains("\nvigia_expected_replicas{service=\"stream-processor\"} 2\n");

        // A replica whose /ready fails (restoring state, lost Kafka) gets no more requests.
        b.ready.set(false);
        awaitAnswering(panel, Set.of("a"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(activeServers(get(metrics, "/metrics").body(), "stream-processor")).isEqualTo(1));

        // Scaling up is a new address in DNS: no configuration change, no host port.
        Replica c = replica("c", "127.0.0.4", port);
        dns.answer("stream-processor", List.of(a.address(), b.address(), c.address()));
        awaitAnswering(panel, Set.of("a", "c"));

        // None ready: a JSON 503 that says why, instead of a connection error.
        a.ready.set(false);
        c.ready.set(false);
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            HttpResponse<String> none = get(panel, "/api/v1/commitments");
            assertThat(none.statusCode()).isEqualTo(503);
            assertThat(none.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(none.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(none.body()).startsWith("{\"status\":503,\"error\":\"no replica of this service is ready");
        });
    }

    private Path config() {
        return deploy.root.resolve("deploy/proxy/haproxy.cfg");
    }

    private void start(Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "-db", "-f", config().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile());
        builder.environment().putAll(env);
        haproxy = builder.start();
    }

    /** Waits until many requests in a row are answered only, and by every one, of the named replicas. */
    private void awaitAnswering(int port, Set<String> names) {
        await("requests answered by exactly " + names).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(haproxy.isAlive()).as("haproxy runs; its log:\n%s", log()).isTrue();
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < 12; i++) {
                        HttpResponse<String> r = get(port, "/api/v1/commitments");
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                        seen.add(r.body().split(" ")[0]);
                    }
                    assertThat(seen).isEqualTo(names);
                });
    }

    private static double activeServers(String exposition, String backend) {
        Matcher m = Pattern.compile("(?m)^haproxy_backend_active_servers\\{proxy=\"" + backend + "\"} (\\S+)$").matcher(exposition);
        assertThat(m.find()).as("haproxy_backend_active_servers of %s in\n%s", backend, exposition).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("haproxy.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Replica replica(String name, String host, int port) throws IOException {
        Replica replica = new Replica(name, host, port);
        replicas.add(replica);
        return replica;
    }

    /** A port free on every one of the given loopback addresses at once. */
    private static int freePortOn(String... hosts) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getByName(hosts[0]))) {
                port = first.getLocalPort();
            }
            boolean free = true;
            for (String host : hosts) {
                try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
                    probe.getLocalPort();
                } catch (BindException e) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return port;
            }
        }
        throw new IllegalStateException("no port free on all of " + List.of(hosts));
    }

    /** Stands in for one replica: GET /ready answers 200 or 503 as told; anything else "name path". */
    static final class Replica implements AutoCloseable {
        final AtomicBoolean ready = new AtomicBoolean(true);
        final int port;
        private final HttpServer server;

        Replica(String name, String host, int port) throws IOException {
            this.port = port;
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                boolean readiness = path.equals("/ready");
                int status = readiness && !ready.get() ? 503 : 200;
                byte[] body = (readiness ? (status == 200 ? "ready" : "not ready") : name + " " + path)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        InetAddress address() {
            return server.getAddress().getAddress();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
