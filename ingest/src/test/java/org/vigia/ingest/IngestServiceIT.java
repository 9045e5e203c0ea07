package org.vigia.ingest;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.events.Tick;
import org.vigia.ingest.KafkaTestSupport.Read;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

/** The service's lifecycle pieces: the live clock, running without a tokens file, and a write Kafka refuses. */
class IngestServiceIT {
    @TempDir
    Path dir;
    final HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> post(IngestService service, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/api/v1/progress"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Commitment commitment(String id, String agency) {
        return Commitments.of(id, agency, "justice").plan("P1").title("T")
                .runs(java.time.LocalDate.parse("2014-01-01"), java.time.LocalDate.parse("2015-01-01")).build();
    }

    @Test
    void theLiveClockTicksWallTimeToEveryPartitionAtItsInterval() {
        Env env = KafkaTestSupport.env(Map.of("VIGIA_HTTP_HOST", "127.0.0.1", "VIGIA_HTTP_PORT", "0",
                "VIGIA_CLOCK_INTERVAL", "200ms"));
        KafkaSettings kafka = KafkaSettings.from(env);
        Instant before = Instant.now().minusMillis(1);
        try (IngestService service = new IngestService(IngestSettings.from(env))) {
            service.start();
            await("five ticks on every clock partition").atMost(Duration.ofSeconds(60)).until(() ->
                    KafkaTestSupport.readCommitted(kafka, kafka.topics().clock).size() >= 5 * 3);
            assertThat(service.meterRegistry().counter("vigia.ingest.clock.ticks").count()).isGreaterThanOrEqualTo(5);
        }
        List<Read<Tick>> ticks = KafkaTestSupport.readCommitted(kafka, kafka.topics().clock);
        Map<Integer, List<Read<Tick>>> byPartition = ticks.stream().collect(Collectors.groupingBy(Read::partition));
        assertThat(byPartition).containsOnlyKeys(0, 1, 2);
        byPartition.forEach((p, list) -> {
            assertThat(list).extracting(Read::key).containsOnly("tick-" + p);
            assertThat(list).allMatch(r -> r.timestamp() == r.value().at().toEpochMilli() && r.value().at().isAfter(before));
            assertThat(list).extracting(r -> r.value().at()).isSortedAccordingTo(Comparator.naturalOrder());
        });
        // every tick instant reached every partition
        assertThat(byPartition.get(0)).extracting(r -> r.value().at())
                .containsExactlyElementsOf(byPartition.get(2).stream().map(r -> r.value().at()).toList());
    }

    @Test
    void withoutATokensFileEveryWriteIsUnauthorizedButTheServiceRuns() throws Exception {
        Env env = KafkaTestSupport.env(Map.of("VIGIA_HTTP_HOST", "127.0.0.1", "VIGIA_HTTP_PORT", "0", "VIGIA_CLOCK_ENABLED", "false"));
        try (IngestService service = new IngestService(IngestSettings.from(env))) {
            service.start();

            assertThat(service.ready()).isTrue();
            assertThat(post(service, "anything", "{}").statusCode()).isEqualTo(401);
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aWriteKafkaRefusesIsAnswered503AndLeavesNothingCommitted() throws Exception {
        String[] token = TokenStore.mint(Principal.parse("agency:PGR"));
        Path tokens = Files.writeString(dir.resolve("tokens.yaml"), "tokens:\n" + token[1] + "\n");
        Env env = KafkaTestSupport.env(Map.of("VIGIA_HTTP_HOST", "127.0.0.1", "VIGIA_HTTP_PORT", "0", "VIGIA_CLOCK_ENABLED", "false",
                "VIGIA_TOKENS_FILE", tokens.toString()));
        KafkaSettings kafka = KafkaSettings.from(env);
        // the progress topic refuses records over 1,000 bytes
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(kafka.topics().progress.name(), 3, (short) 1)
                    .configs(Map.of("max.message.bytes", "1000")))).all().get();
        }
        org.vigia.kit.TopicCreator.ensure(kafka, kafka.topics().all());
        KafkaTestSupport.produce(kafka, kafka.topics().commitments, "PGR-1", commitment("PGR-1", "PGR"));
        try (IngestService service = new IngestService(IngestSettings.from(env))) {
            service.start();
            String small = "{\"updateId\":\"small\",\"commitmentId\":\"PGR-1\",\"percent\":10,\"reportedAt\":\"2014-02-01T00:00:00Z\"}";
            String big = small.replace("small", "big").replace("}", ",\"note\":\"" + "n".repeat(1500) + "\"}");

            HttpResponse<String> refused = post(service, token[0], "[" + small.replace("small", "with-big") + "," + big + "]");
            HttpResponse<String> fine = post(service, token[0], small);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(refused.body()).contains("not written, retry later");
            assertThat(fine.statusCode()).as("the API keeps working after a failed transaction").isEqualTo(202);
        }
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().progress)).extracting(r -> r.value().updateId())
                .containsExactly("small");
    }
}
