package org.vigia.ingest.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;
import org.vigia.events.Origin;
import org.vigia.events.ProgressUpdate;
import org.vigia.ingest.IngestService;
import org.vigia.ingest.IngestSettings;
import org.vigia.ingest.KafkaTestSupport.Read;
import org.vigia.ingest.KafkaTestSupport;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

/**
 * The ingest service the API ITs talk to: started before each IT class on the shared embedded
 * broker (topics of its own, with two commitments already in the registry) and stopped after
 * it, with a token per kind of principal and helpers to send requests and read what reached
 * the progress topic. One base class, so the IT classes split by concern still test the same
 * service set up the same way.
 */
abstract class IngestApiFixture {
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
}
