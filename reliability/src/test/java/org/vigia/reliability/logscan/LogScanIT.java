package org.vigia.reliability.logscan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.reliability.drive.IngestClient;
import org.vigia.reliability.process.BrokerProcess;
import org.vigia.reliability.process.FreePorts;
import org.vigia.reliability.process.Jars;
import org.vigia.reliability.process.ReplayProcess;
import org.vigia.reliability.scenario.Metrics;
import org.vigia.reliability.smtp.FaultySmtpServer;
import org.vigia.reliability.stack.Stack;
import org.vigia.reliability.stack.StackConfig;
import org.vigia.reliability.stack.Tokens;

/**
 * "No token, email address or SMTP password is ever logged", checked on the real jars: a
 * full replay of data/mexico-2013-2015 through ingest, two processors and two alert services
 * (at DEBUG) with email delivery to an SMTP server that requires a password and refuses one
 * address for good and one for a while (quoting the address, as real servers do), API calls
 * with good and bad tokens on every service, and a broken subscriptions edit. Every line every
 * process wrote is then searched for each token, each address and the password, and for
 * anything that looks like an email address at all.
 */
class LogScanIT {
    private static final Pattern ANY_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void noProcessLogsATokenAnAddressOrTheSmtpPassword() throws Exception {
        Path repo = Path.of(System.getProperty("vigia.repo", "..")).toAbsolutePath().normalize();
        Jars jars = Jars.in(repo);
        String password = "smtp-" + UUID.randomUUID();
        List<String> addresses = List.of("alertas@articulo19.example", "monitoreo@cidac.example",
                "secretariado@gobiernoabierto.example", "baja@cidac.example", "lleno@articulo19.example");
        Tokens tokens = Tokens.mint(List.of("admin", "news", "agency:PGR", "agency:SCT", "cso:ARTICULO19", "cso:CIDAC", "irm"),
                dir.resolve("tokens.yaml"));
        Path subscriptions = dir.resolve("subscriptions.yaml");
        String good = goodSubscriptions();
        Files.writeString(subscriptions, good);

        replayAndExerciseEveryProcess(repo, jars, tokens, subscriptions, good, password);

        List<String> secrets = new ArrayList<>(tokens.all());
        secrets.add(password);
        secrets.addAll(addresses);
        List<String> found = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        int lines = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            // The processes' own logs: not the broker's segment files (also *.log) nor the state stores.
            for (Path log : files.filter(p -> p.toString().endsWith(".log") && !p.toString().contains("/data/")
                    && !p.toString().contains("/state/")).toList()) {
                List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
                lines += all.size();
                if (all.size() > 2) {
                    logs.add(log.getFileName().toString());
                }
                for (int i = 0; i < all.size(); i++) {
                    String line = all.get(i);
                    for (String secret : secrets) {
                        if (line.toLowerCase().contains(secret.toLowerCase())) {
                            found.add(dir.relativize(log) + ":" + (i + 1) + " has " + label(secret, password, tokens) + ": " + line);
                        }
                    }
                    Matcher m = ANY_ADDRESS.matcher(line);
                    while (m.find()) {
                        found.add(dir.relativize(log) + ":" + (i + 1) + " has something like an address (" + m.group() + "): " + line);
                    }
                }
            }
        }
        assertThat(logs).as("every process wrote its log").contains("broker.log", "replay.log", "ingest.log",
                "processor-1.log", "processor-2.log", "alert-service-1.log", "alert-service-2.log");
        assertThat(found).as("log lines that give away a secret, out of %d lines", lines).isEmpty();
    }

    /** Subscriptions for three subscribers, five addresses in all: the ones the logs must never show. */
    private static String goodSubscriptions() {
        return """
                subscriptions:
                  - name: Artículo 19
                    id: articulo19
                    emails: [alertas@articulo19.example, lleno@articulo19.example]
                    language: es
                    match: { agencies: [PGR], minSeverity: INFO }
                  - name: CIDAC
                    id: cidac
                    emails: [monitoreo@cidac.example, baja@cidac.example]
                    language: en
                    match: { agencies: [SCT] }
                  - name: Secretariado Técnico Tripartita
                    id: secretariado
                    emails: [secretariado@gobiernoabierto.example]
                    language: es
                    match: { types: [STALLED, OVERDUE, DISPUTED, SENSITIVITY_SPIKE], minSeverity: WARNING }
                """;
    }

    /**
     * Runs the broker, the SMTP server and the whole stack at DEBUG, replays the Mexico dataset
     * through it, calls every API with good and bad tokens, breaks and restores the subscriptions
     * file and waits until every email is delivered or refused: every place a secret could leak.
     */
    private void replayAndExerciseEveryProcess(Path repo, Jars jars, Tokens tokens, Path subscriptions, String good,
                                               String password) throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir.resolve("broker/data"), dir.resolve("broker/broker.log"));
             FaultySmtpServer smtp = FaultySmtpServer.start(FreePorts.next(),
                     Optional.of(new FaultySmtpServer.Credentials("vigia-mailer", password)))) {
            smtp.refuse("baja@cidac.example", 550);
            smtp.refuse("lleno@articulo19.example", 452);
            String prefix = "logscan.";
            Map<String, Map<String, String>> extra = Map.of(
                    "*", Map.of("VIGIA_LOG_LEVEL", "DEBUG"),
                    // The SMTP server is on the loopback, so the password never crosses a network: the
                    // alert service refuses AUTH without STARTTLS unless told the link is protected.
                    "alert-service", Map.of("SMTP_USERNAME", "vigia-mailer", "SMTP_PASSWORD", password,
                            "SMTP_ALLOW_PLAINTEXT_AUTH", "true", "VIGIA_SUBSCRIPTIONS_POLL", "1s", "VIGIA_GROUP_WAIT", "1s"));
            try (Stack stack = Stack.start(new StackConfig(jars, broker.bootstrapServers(), prefix, 6, dir.resolve("stack"),
                    tokens.file(), subscriptions, smtp.port(), extra))) {
                ReplayProcess.run(jars.ingest(), repo.resolve("data/mexico-2013-2015"), ReplayProcess.Pace.max(), List.of(),
                        Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "VIGIA_TOPIC_PREFIX", prefix,
                                "VIGIA_LOG_LEVEL", "DEBUG"),
                        dir.resolve("replay"), dir.resolve("replay/replay.log"), Duration.ofMinutes(5));
                callEveryApiWithGoodAndBadTokens(stack, tokens);
                Files.writeString(subscriptions, good.replace("minSeverity: WARNING", "minSeverity: LOUD"));
                stage("the broken subscriptions edit is seen").atMost(Duration.ofSeconds(60)).until(() -> stack.alertServices()
                        .stream().allMatch(s -> Metrics.sum(s.url(), "vigia_subscriptions_reloads_total", "invalid").orElse(0) > 0));
                Files.writeString(subscriptions, good);
                stage("emails reach the SMTP server").atMost(Duration.ofMinutes(5))
                        .until(() -> smtp.deliveries().size() >= 10 && smtp.refusals().size() == 2);
                smtp.accept("lleno@articulo19.example");
                stage("the alert services have nothing pending").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> stack.alertServices().stream()
                                .allMatch(s -> Metrics.sum(s.url(), "vigia_notifications_pending", null).orElse(0) == 0));
            }
        }
    }

    /**
     * An await of this test. What it judges is the logs of the child processes; a thread of this
     * JVM dying meanwhile (an SMTP session the server ends, say) is not that, and Awaitility by
     * default fails the running await on any uncaught exception of any thread.
     */
    private static ConditionFactory stage(String alias) {
        return await(alias).dontCatchUncaughtExceptions();
    }

    private static String label(String secret, String password, Tokens tokens) {
        return secret.equals(password) ? "the SMTP password" : tokens.all().contains(secret) ? "a token" : "an address";
    }

    private static void callEveryApiWithGoodAndBadTokens(Stack stack, Tokens tokens) throws IOException, InterruptedException {
        IngestClient ingest = new IngestClient(stack.ingest().url());
        String update = "{\"updateId\":\"logscan-1\",\"commitmentId\":\"MX-PA15-04\",\"milestoneId\":\"MX-PA15-04-M1\","
                + "\"percent\":70,\"reportedAt\":\"2015-11-20T12:00:00Z\",\"evidenceUrl\":\"https://example.org/e.pdf\"}";
        assertThat(ingest.post("/api/v1/progress", tokens.of("agency:PGR"), update).status()).isEqualTo(202);
        assertThat(ingest.post("/api/v1/progress", tokens.of("agency:SCT"), update).status()).isEqualTo(403);
        assertThat(ingest.post("/api/v1/progress", tokens.of("agency:PGR") + "x", update).status()).isEqualTo(401);
        assertThat(ingest.post("/api/v1/progress", tokens.of("admin"), "{\"updateId\":\"bad\",\"percent\":140}").status())
                .isIn(400, 403);
        URI alerts = stack.alertServices().get(0).url();
        String silence = "{\"matchers\":{\"agencies\":[\"PGR\"]},\"subscriber\":\"articulo19\",\"startsAt\":\"2030-01-01T00:00:00Z\","
                + "\"endsAt\":\"2030-01-02T00:00:00Z\",\"comment\":\"log scan\"}";
        for (String token : List.of(tokens.of("admin"), tokens.of("cso:CIDAC"), "not-a-token-" + UUID.randomUUID())) {
            HTTP.send(HttpRequest.newBuilder(alerts.resolve("/api/v1/silences")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(silence)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        HTTP.send(HttpRequest.newBuilder(alerts.resolve("/api/v1/notifications?subscriber=articulo19"))
                .header("Authorization", "Bearer " + tokens.of("admin")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HTTP.send(HttpRequest.newBuilder(stack.processors().get(0).url().resolve("/api/v1/commitments/MX-PA15-04"))
                .header("Authorization", "Bearer " + tokens.of("admin")).GET().build(), HttpResponse.BodyHandlers.discarding());
    }
}
