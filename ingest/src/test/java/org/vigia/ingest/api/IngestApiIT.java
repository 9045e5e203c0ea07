package org.vigia.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;
import org.vigia.events.NewsSignal;
import org.vigia.events.Origin;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;
import org.vigia.ingest.IngestService;
import org.vigia.ingest.IngestSettings;
import org.vigia.ingest.KafkaTestSupport.Read;
import org.vigia.ingest.KafkaTestSupport;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

/** The ingest API against the real broker: every status code, token scoping and batch atomicity. */
class IngestApiIT {
    static final int MAX_BODY = 64 * 1024;
    @TempDir
    static Path dir;
    static IngestService service;
    static KafkaSettings kafka;
    static final Map<String, String> tokens = new HashMap<>();
    static final HttpClient client = HttpClient.newHttpClient();

    static Commitment commitment(String id, String agency, String... milestones) {
        return new Commitment(id, "MX-2013-2015", "MX", "Commitment " + id, agency, "justice-security", null,
                Origin.CO_CREATED, LocalDate.parse("2013-11-01"), LocalDate.parse("2015-10-31"), null,
                java.util.Arrays.stream(milestones).map(m -> new Milestone(m, "Milestone " + m, 1.0, null)).toList(), null);
    }

    @BeforeAll
    static void startIngestWithARegistryAlreadyOnTheTopic() throws Exception {
        StringBuilder file = new StringBuilder("tokens:\n");
        for (String p : List.of("admin", "agency:SCT", "agency:PGR", "cso:CIDAC", "irm", "news")) {
            String[] minted = TokenStore.mint(Principal.parse(p));
            tokens.put(p, minted[0]);
            file.append(minted[1]).append('\n');
        }
        Path tokensFile = Files.writeString(dir.resolve("tokens.yaml"), file.toString());
        Env env = KafkaTestSupport.env(Map.of(
                "VIGIA_HTTP_HOST", "127.0.0.1", "VIGIA_HTTP_PORT", "0",
                "VIGIA_TOKENS_FILE", tokensFile.toString(), "VIGIA_CLOCK_ENABLED", "false",
                "VIGIA_MAX_BODY_BYTES", String.valueOf(MAX_BODY)));
        IngestSettings settings = IngestSettings.from(env);
        kafka = settings.kafka();
        org.vigia.kit.TopicCreator.ensure(kafka, kafka.topics().all());
        KafkaTestSupport.produce(kafka, kafka.topics().commitments, "SCT-1", commitment("SCT-1", "SCT", "SCT-1-M1", "SCT-1-M2"));
        KafkaTestSupport.produce(kafka, kafka.topics().commitments, "PGR-1", commitment("PGR-1", "PGR"));
        service = new IngestService(settings);
        service.start();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    static HttpResponse<String> send(String method, String path, String principal, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (principal != null) {
            b.header("Authorization", "Bearer " + tokens.getOrDefault(principal, principal));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(String principal, String body) {
        return send("POST", "/api/v1/progress", principal, "application/json", body);
    }

    static String update(String id, String commitment, String extra) {
        return "{\"updateId\":\"" + id + "\",\"commitmentId\":\"" + commitment + "\",\"percent\":40,"
                + "\"reportedAt\":\"2014-01-10T12:00:00Z\"" + extra + "}";
    }

    static List<Read<ProgressUpdate>> progress(String isolation) {
        return KafkaTestSupport.readAll(kafka, kafka.topics().progress, isolation);
    }

    static List<ProgressUpdate> progressWithPrefix(String prefix, String isolation) {
        return progress(isolation).stream().map(Read::value).filter(u -> u.updateId().startsWith(prefix)).toList();
    }

    @Test
    void anAgencyUpdateIsAcceptedWithSourceAndReporterFromTheTokenKeyedByCommitmentAndStampedWithReportedAt() {
        HttpResponse<String> r = post("agency:SCT", update("ok-1", "SCT-1", ",\"milestoneId\":\"SCT-1-M1\""));

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("{\"accepted\":[\"ok-1\"]}");
        List<Read<ProgressUpdate>> written = progress("read_committed").stream()
                .filter(x -> x.value().updateId().equals("ok-1")).toList();
        assertThat(written).hasSize(1);
        assertThat(written.get(0).key()).isEqualTo("SCT-1");
        assertThat(written.get(0).timestamp()).isEqualTo(Instant.parse("2014-01-10T12:00:00Z").toEpochMilli());
        assertThat(written.get(0).value().source()).isEqualTo(Source.AGENCY);
        assertThat(written.get(0).value().reporter()).isEqualTo("agency:SCT");
        assertThat(written.get(0).value().milestoneId()).isEqualTo("SCT-1-M1");
    }

    @Test
    void csoAndIrmTokensReportAsCsoAndIrmOnAnyAgencysCommitment() {
        assertThat(post("cso:CIDAC", update("cso-1", "PGR-1", "")).statusCode()).isEqualTo(202);
        assertThat(post("irm", update("irm-1", "SCT-1", "")).statusCode()).isEqualTo(202);

        List<ProgressUpdate> written = progress("read_committed").stream().map(Read::value)
                .filter(u -> u.updateId().equals("cso-1") || u.updateId().equals("irm-1")).toList();
        assertThat(written).extracting(ProgressUpdate::source, ProgressUpdate::reporter)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Source.CSO, "cso:CIDAC"),
                        org.assertj.core.groups.Tuple.tuple(Source.IRM, "irm"));
    }

    @Test
    void aRequestWithoutATokenOrWithAnUnknownTokenIsUnauthorized() {
        HttpResponse<String> none = post(null, update("rejected-401a", "SCT-1", ""));
        HttpResponse<String> unknown = post("not-a-real-token", update("rejected-401b", "SCT-1", ""));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"status\":401").contains("bearer token is required");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("not known");
        assertThat(progressWithPrefix("rejected-401", "read_uncommitted")).isEmpty();
    }

    @Test
    void anAgencyTokenMayNotReportOnAnotherAgencysCommitment() {
        HttpResponse<String> r = post("agency:SCT", update("rejected-403", "PGR-1", ""));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"field\":\"commitmentId\"").contains("belongs to agency PGR");
        assertThat(progressWithPrefix("rejected-403", "read_uncommitted")).isEmpty();
    }

    @Test
    void adminAndNewsTokensMayNotReportProgress() {
        assertThat(post("admin", update("rejected-403-admin", "PGR-1", "")).statusCode()).isEqualTo(403);
        assertThat(post("news", update("rejected-403-news", "PGR-1", "")).statusCode()).isEqualTo(403);
    }

    @Test
    void aReportOnAnUnknownCommitmentIsNotFound() {
        HttpResponse<String> r = post("irm", update("rejected-404", "NOPE-9", ""));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"field\":\"commitmentId\"").contains("NOPE-9 is unknown");
    }

    @Test
    void anInvalidUpdateIsRefusedNamingTheFieldAndTheRule() {
        HttpResponse<String> r = post("agency:SCT", "{\"updateId\":\"rejected-400\",\"commitmentId\":\"SCT-1\",\"percent\":140,"
                + "\"reportedAt\":\"2014-01-10T12:00:00Z\",\"evidenceUrl\":\"ftp://x\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("{\"field\":\"percent\",\"rule\":\"must be between 0 and 100 (was 140.0)\"}")
                .contains("{\"field\":\"evidenceUrl\",\"rule\":\"must be an http or https URL\"}");
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() {
        HttpResponse<String> r = post("agency:SCT", update("rejected-400-typo", "SCT-1", ",\"percnt\":3"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("{\"field\":\"percnt\",\"rule\":\"is not a known field\"}");
    }

    @Test
    void aSourceInTheBodyThatContradictsTheTokenIsRefused() {
        HttpResponse<String> r = post("agency:SCT", update("rejected-400-src", "SCT-1", ",\"source\":\"IRM\""));
        HttpResponse<String> same = post("agency:SCT", update("same-src", "SCT-1", ",\"source\":\"AGENCY\",\"reporter\":\"agency:SCT\""));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"source\"").contains("comes from the token (AGENCY)");
        assertThat(same.statusCode()).isEqualTo(202);
    }

    @Test
    void aMilestoneThatIsNotPartOfTheCommitmentIsRefused() {
        HttpResponse<String> r = post("agency:SCT", update("rejected-400-ms", "SCT-1", ",\"milestoneId\":\"PGR-1-M1\""));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"milestoneId\"").contains("must be a milestone of SCT-1");
    }

    @Test
    void aReportedAtMoreThanFiveMinutesAheadOfTheServerClockIsRefused() {
        String future = Instant.now().plus(Duration.ofMinutes(10)).toString();
        String nearFuture = Instant.now().plus(Duration.ofMinutes(2)).toString();
        HttpResponse<String> r = post("agency:PGR", "{\"updateId\":\"rejected-400-future\",\"commitmentId\":\"PGR-1\","
                + "\"level\":\"LIMITED\",\"reportedAt\":\"" + future + "\"}");
        HttpResponse<String> ok = post("agency:PGR", "{\"updateId\":\"near-future\",\"commitmentId\":\"PGR-1\","
                + "\"level\":\"LIMITED\",\"reportedAt\":\"" + nearFuture + "\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"reportedAt\"").contains("ahead of the server clock");
        assertThat(ok.statusCode()).isEqualTo(202);
    }

    @Test
    void aReportedAtBeforeTheEpochIsRefusedAndNothingOfItsBatchIsWritten() {
        HttpResponse<String> r = post("irm", "[" + update("rejected-400-epoch-0", "SCT-1", "") + ","
                + "{\"updateId\":\"rejected-400-epoch-1\",\"commitmentId\":\"SCT-1\",\"percent\":40,"
                + "\"reportedAt\":\"1969-12-31T23:59:59Z\"}]");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("{\"field\":\"[1].reportedAt\",\"rule\":\"must not be before 1970-01-01T00:00:00Z");
        assertThat(progressWithPrefix("rejected-400-epoch", "read_uncommitted")).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String note = "x".repeat(MAX_BODY);
        HttpResponse<String> r = post("agency:SCT", update("rejected-413", "SCT-1", ",\"note\":\"" + note + "\""));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("larger than " + MAX_BODY + " bytes");
        assertThat(service.meterRegistry().counter("vigia.ingest.updates.rejected", "reason", "too_large").count()).isPositive();
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        HttpResponse<String> text = send("POST", "/api/v1/progress", "agency:SCT", "text/plain", update("rejected-415", "SCT-1", ""));
        HttpResponse<String> none = send("POST", "/api/v1/progress", "agency:SCT", null, update("rejected-415b", "SCT-1", ""));

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("Content-Type must be application/json");
        assertThat(none.statusCode()).isEqualTo(415);
    }

    @Test
    void aBatchOfAHundredWithOneBadItemWritesNothingNeitherCommittedNorUncommitted() {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        IntStream.range(0, 100).forEach(i -> batch.add(i == 73
                ? "{\"updateId\":\"atomic-bad-73\",\"commitmentId\":\"SCT-1\",\"percent\":-5,\"reportedAt\":\"2014-01-10T12:00:00Z\"}"
                : update("atomic-bad-" + i, "SCT-1", "")));

        HttpResponse<String> r = post("agency:SCT", batch.toString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"[73].percent\"");
        assertThat(progressWithPrefix("atomic-bad-", "read_committed")).isEmpty();
        assertThat(progressWithPrefix("atomic-bad-", "read_uncommitted")).isEmpty();
    }

    @Test
    void aBatchOfAHundredWithOneForeignCommitmentWritesNothing() {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        IntStream.range(0, 100).forEach(i -> batch.add(update("atomic-foreign-" + i, i == 50 ? "PGR-1" : "SCT-1", "")));

        HttpResponse<String> r = post("agency:SCT", batch.toString());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"field\":\"[50].commitmentId\"");
        assertThat(progressWithPrefix("atomic-foreign-", "read_uncommitted")).isEmpty();
    }

    @Test
    void aValidBatchOfAHundredIsWrittenWholeAndAnsweredWithEveryId() {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        IntStream.range(0, 100).forEach(i -> batch.add(update("atomic-ok-" + i, "SCT-1", "")));

        HttpResponse<String> r = post("agency:SCT", batch.toString());

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).contains("\"atomic-ok-0\"").contains("\"atomic-ok-99\"");
        assertThat(progressWithPrefix("atomic-ok-", "read_committed")).hasSize(100);
    }

    @Test
    void onlyAdminMayWriteTheRegistryAndAnAgencyMayReportOnANewCommitmentAtOnce() {
        String body = new String(org.vigia.events.Json.write(commitment("SCT-NEW", "SCT")));
        HttpResponse<String> byAgency = send("PUT", "/api/v1/commitments/SCT-NEW", "agency:SCT", "application/json", body);
        HttpResponse<String> byAdmin = send("PUT", "/api/v1/commitments/SCT-NEW", "admin", "application/json", body);
        HttpResponse<String> report = post("agency:SCT", update("after-put", "SCT-NEW", ""));

        assertThat(byAgency.statusCode()).isEqualTo(403);
        assertThat(byAdmin.statusCode()).isEqualTo(202);
        assertThat(report.statusCode()).isEqualTo(202);
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().commitments))
                .filteredOn(c -> c.key().equals("SCT-NEW")).hasSize(1);
    }

    @Test
    void aPutWhosePathIdDiffersFromTheBodyIdIsRefused() {
        String body = new String(org.vigia.events.Json.write(commitment("SCT-OTHER", "SCT")));
        HttpResponse<String> r = send("PUT", "/api/v1/commitments/SCT-PATH", "admin", "application/json", body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("{\"field\":\"id\",\"rule\":\"must equal the id in the path (SCT-PATH)\"}");
    }

    @Test
    void aRegistryBatchIsWrittenWholeOrRefusedWhole() {
        String good = new String(org.vigia.events.Json.write(commitment("REG-A", "SFP")));
        String bad = good.replace("REG-A", "REG-B").replace("\"2015-10-31\"", "\"2012-01-01\"");
        HttpResponse<String> refused = send("POST", "/api/v1/commitments", "admin", "application/json", "[" + good + "," + bad + "]");
        HttpResponse<String> accepted = send("POST", "/api/v1/commitments", "admin", "application/json",
                "[" + good + "," + good.replace("REG-A", "REG-C") + "]");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"[1].dueDate\"");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(KafkaTestSupport.readAll(kafka, kafka.topics().commitments, "read_uncommitted"))
                .extracting(Read::key).contains("REG-A", "REG-C").doesNotContain("REG-B");
    }

    @Test
    void aNewsTokenPostsASignalThatIsWrittenOncePerAgency() {
        String signal = "{\"id\":\"news-api-1\",\"publishedAt\":\"2014-09-27T10:00:00Z\",\"outlet\":\"Diario\",\"title\":\"Ayotzinapa\","
                + "\"url\":\"https://example.org/a\",\"agencies\":[\"PGR\",\"SEGOB\"],\"keywords\":[\"ayotzinapa\"],"
                + "\"kind\":\"SCANDAL\",\"weight\":2.0}";
        HttpResponse<String> byAgency = send("POST", "/api/v1/news", "agency:PGR", "application/json", signal.replace("news-api-1", "rejected-news"));
        HttpResponse<String> byNews = send("POST", "/api/v1/news", "news", "application/json", signal);

        assertThat(byAgency.statusCode()).isEqualTo(403);
        assertThat(byNews.statusCode()).isEqualTo(202);
        List<Read<NewsSignal>> written = KafkaTestSupport.readCommitted(kafka, kafka.topics().news);
        assertThat(written).filteredOn(r -> r.value().id().equals("news-api-1")).extracting(Read::key)
                .containsExactlyInAnyOrder("PGR", "SEGOB");
        assertThat(written).filteredOn(r -> r.value().id().equals("news-api-1")).extracting(Read::timestamp)
                .containsOnly(Instant.parse("2014-09-27T10:00:00Z").toEpochMilli());
        assertThat(written).extracting(r -> r.value().id()).doesNotContain("rejected-news");
    }

    @Test
    void rejectionsAreCountedByReason() {
        post(null, update("rejected-metric", "SCT-1", ""));

        await("the rejection counted").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> m = send("GET", "/metrics", null, null, "");
            assertThat(m.body()).containsPattern("vigia_ingest_updates_rejected_total\\{[^}]*reason=\"unauthorized\"[^}]*} [1-9]")
                    .contains("vigia_ingest_updates_accepted_total");
        });
    }

    @Test
    void nothingThatWasRejectedEverReachesATopic() {
        post(null, update("rejected-any-1", "SCT-1", ""));
        post("agency:PGR", update("rejected-any-2", "SCT-1", ""));
        post("irm", update("rejected-any-3", "NOPE", ""));
        post("irm", update("rejected-any-4", "SCT-1", ",\"level\":\"LIMITED\""));
        send("POST", "/api/v1/progress", "irm", "text/plain", update("rejected-any-5", "SCT-1", ""));

        assertThat(progress("read_uncommitted")).extracting(r -> r.value().updateId())
                .noneMatch(id -> id.startsWith("rejected-"));
        assertThat(service.ready()).isTrue();
    }

    @Test
    void theApiCoercesNoScalarANumberAsAStringAnEpochAsAnInstantOrAnOrdinalAsALevel() {
        HttpResponse<String> percent = post("irm", "{\"updateId\":\"rejected-coerce-1\",\"commitmentId\":\"SCT-1\","
                + "\"percent\":\"50\",\"reportedAt\":\"2014-01-10T12:00:00Z\"}");
        HttpResponse<String> epoch = post("irm", "{\"updateId\":\"rejected-coerce-2\",\"commitmentId\":\"SCT-1\","
                + "\"percent\":50,\"reportedAt\":1417392000}");
        HttpResponse<String> ordinal = post("irm", "{\"updateId\":\"rejected-coerce-3\",\"commitmentId\":\"SCT-1\","
                + "\"level\":2,\"reportedAt\":\"2014-01-10T12:00:00Z\"}");

        assertThat(percent.statusCode()).isEqualTo(400);
        assertThat(percent.body()).contains("{\"field\":\"percent\",\"rule\":\"must be a number, not a string (\\\"50\\\")\"}");
        assertThat(epoch.statusCode()).isEqualTo(400);
        assertThat(epoch.body()).contains("\"field\":\"reportedAt\"").contains("not a number (1417392000)");
        assertThat(ordinal.statusCode()).isEqualTo(400);
        assertThat(ordinal.body()).contains("\"field\":\"level\"").contains("not a number (2)");
        assertThat(progressWithPrefix("rejected-coerce", "read_uncommitted")).isEmpty();
    }

    static String signal(String id, String publishedAt, String weight) {
        return "{\"id\":\"" + id + "\",\"publishedAt\":\"" + publishedAt + "\",\"outlet\":\"Diario\",\"title\":\"T\","
                + "\"url\":\"https://example.org/" + id + "\",\"agencies\":[\"PGR\"],\"keywords\":[],\"kind\":\"SCANDAL\","
                + "\"weight\":" + weight + "}";
    }

    @Test
    void pushedNewsIsBoundedLikeThePollersInWeightAndPublicationDate() {
        HttpResponse<String> heavy = send("POST", "/api/v1/news", "news", "application/json",
                signal("rejected-heavy", "2014-09-27T10:00:00Z", "1e9"));
        HttpResponse<String> future = send("POST", "/api/v1/news", "news", "application/json",
                signal("rejected-2099", "2099-01-01T00:00:00Z", "1.0"));
        HttpResponse<String> fine = send("POST", "/api/v1/news", "news", "application/json",
                signal("bounded-ok", "2014-09-27T10:00:00Z", "3.0"));

        assertThat(heavy.statusCode()).isEqualTo(400);
        assertThat(heavy.body()).contains("\"field\":\"weight\"").contains("must be at most 3.0 (VIGIA_MAX_NEWS_WEIGHT; was 1.0E9)");
        assertThat(future.statusCode()).as("bad input is the client's error, not a server error").isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"publishedAt\"").contains("ahead of the server clock");
        assertThat(fine.statusCode()).isEqualTo(202);
        assertThat(KafkaTestSupport.readAll(kafka, kafka.topics().news, "read_uncommitted")).extracting(r -> r.value().id())
                .contains("bounded-ok").doesNotContain("rejected-heavy", "rejected-2099");
    }

    @Test
    void concurrentRequestsAreEachAnsweredAfterTheirCommitAndAllWritten() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = IntStream.range(0, 16)
                    .mapToObj(i -> pool.submit(() -> post("irm", "[" + update("concurrent-" + i + "-a", "SCT-1", "") + ","
                            + update("concurrent-" + i + "-b", "PGR-1", "") + "]"))).toList();
            for (var a : answers) {
                assertThat(a.get().statusCode()).isEqualTo(202);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(progressWithPrefix("concurrent-", "read_committed")).hasSize(32);
        assertThat(service.meterRegistry().summary("vigia.ingest.transaction.records").totalAmount()).isPositive();
    }
}
