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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

/**
 * What survives a crash and what a client is told when Kafka fails mid-commit: stable
 * transactional ids per instance (a restart fences what its predecessor left open, a second
 * instance with the same id fences the first), an unknown outcome answered as such, and the
 * per-token rate limit.
 */
class IngestDurabilityIT {
    @TempDir
    Path dir;
    final HttpClient client = HttpClient.newHttpClient();
    String token;

    Env env(String bootstrap, Map<String, String> extra) throws Exception {
        String[] minted = TokenStore.mint(Principal.parse("irm"));
        token = minted[0];
        Path tokens = Files.writeString(dir.resolve("tokens-" + System.nanoTime() + ".yaml"), "tokens:\n" + minted[1] + "\n");
        Map<String, String> vars = new HashMap<>(KafkaTestSupport.env(Map.of()).asMap());
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        vars.put("VIGIA_HTTP_HOST", "127.0.0.1");
        vars.put("VIGIA_HTTP_PORT", "0");
        vars.put("VIGIA_CLOCK_ENABLED", "false");
        vars.put("VIGIA_TOKENS_FILE", tokens.toString());
        vars.putAll(extra);
        return new Env(vars);
    }

    static Commitment commitment(String id) {
        return Commitments.of(id, "PGR", "justice").plan("P1").title("T")
                .runs(LocalDate.parse("2014-01-01"), LocalDate.parse("2015-01-01")).build();
    }

    HttpResponse<String> post(IngestService service, String updateId) throws Exception {
        String body = "{\"updateId\":\"" + updateId + "\",\"commitmentId\":\"C1\",\"percent\":10,\"reportedAt\":\"2014-02-01T00:00:00Z\"}";
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/api/v1/progress"))
                .timeout(Duration.ofSeconds(90)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRestartedInstanceAbortsTheTransactionItsCrashedPredecessorLeftOpenAtOnce() throws Exception {
        Env env = env(EmbeddedKafkaBroker.shared().bootstrapServers(), Map.of("VIGIA_INSTANCE_ID", "ingest-0"));
        KafkaSettings kafka = KafkaSettings.from(env);
        org.vigia.kit.TopicCreator.ensure(kafka, kafka.topics().all());
        KafkaTestSupport.produce(kafka, kafka.topics().commitments, "C1", commitment("C1"));
        // What a crashed ingest leaves: a transaction begun with its id, records sent, never committed.
        Map<String, Object> props = kafka.clientProperties();
        props.put("transactional.id", kafka.topics().prefix + "ingest-ingest-0-api-0");
        KafkaProducer<byte[], byte[]> crashed = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        crashed.initTransactions();
        crashed.beginTransaction();
        for (int p = 0; p < 3; p++) {
            crashed.send(new ProducerRecord<>(kafka.topics().progress.name(), p, null, "{}".getBytes())).get();
        }
        long start = System.nanoTime();

        try (IngestService restarted = new IngestService(IngestSettings.from(env))) {
            restarted.start();
            assertThat(post(restarted, "after-restart").statusCode()).isEqualTo(202);

            assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().progress)).extracting(r -> r.value().updateId())
                    .containsExactly("after-restart");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("well within the 60 s the open transaction would otherwise block read_committed readers")
                    .isLessThan(Duration.ofSeconds(45));
        } finally {
            crashed.close(Duration.ZERO);
        }
    }

    @Test
    void aSecondInstanceWithTheSameIdFencesTheFirstWhichAnswers503AndIsNoLongerReady() throws Exception {
        Env env = env(EmbeddedKafkaBroker.shared().bootstrapServers(), Map.of("VIGIA_INSTANCE_ID", "same"));
        KafkaSettings kafka = KafkaSettings.from(env);
        org.vigia.kit.TopicCreator.ensure(kafka, kafka.topics().all());
        KafkaTestSupport.produce(kafka, kafka.topics().commitments, "C1", commitment("C1"));
        try (IngestService first = new IngestService(IngestSettings.from(env))) {
            first.start();
            assertThat(post(first, "by-first").statusCode()).isEqualTo(202);
            try (IngestService second = new IngestService(IngestSettings.from(env))) {
                second.start();
                assertThat(post(second, "by-second").statusCode()).isEqualTo(202);

                await("the first instance learns it is fenced").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    HttpResponse<String> r = post(first, "by-first-again-" + System.nanoTime());
                    assertThat(r.statusCode()).isEqualTo(503);
                    assertThat(r.body()).contains("VIGIA_INSTANCE_ID must differ between running instances");
                });
                assertThat(first.ready()).isFalse();
                assertThat(second.ready()).isTrue();
            }
        }
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().progress)).extracting(r -> r.value().updateId())
                .contains("by-first", "by-second").noneMatch(id -> id.startsWith("by-first-again"));
    }

    @Test
    void aCommitThatDoesNotFinishIsAnsweredAsAnUnknownOutcomeThatIsSafeToRetry() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("vigia-unknown-"), 0, Map.of(), true);
        boolean brokerClosed = false;
        try {
            Env env = env(broker.bootstrapServers(), Map.of("KAFKA_MAX_BLOCK_MS", "3000", "KAFKA_REQUEST_TIMEOUT_MS", "2000"));
            KafkaSettings kafka = KafkaSettings.from(env);
            org.vigia.kit.TopicCreator.ensure(kafka, kafka.topics().all());
            KafkaTestSupport.produce(kafka, kafka.topics().commitments, "C1", commitment("C1"));
            try (IngestService service = new IngestService(IngestSettings.from(env))) {
                service.start();
                assertThat(post(service, "before").statusCode()).isEqualTo(202);

                broker.close();
                brokerClosed = true;
                HttpResponse<String> r = post(service, "during-outage");

                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).contains("5");
                // Where the outage hits decides what is true: a producer that already knows the broker is
                // gone refuses the transaction before anything is sent (nothing written, rolled back);
                // one that sent the records and could not finish the commit cannot know (outcome unknown).
                // Either way the answer is a retryable 503 that says which, never a false "written".
                assertThat(r.body()).satisfiesAnyOf(
                        body -> assertThat(body).contains("outcome unknown").contains("sending the same request again is safe"),
                        body -> assertThat(body).contains("nothing of the request was written"));
            }
        } finally {
            if (!brokerClosed) {
                broker.close();
            }
        }
    }

    @Test
    void aTokenOverItsRateLimitIsAnswered429WithRetryAfterAndOtherTokensAreNotHeldBack() throws Exception {
        Env env = env(EmbeddedKafkaBroker.shared().bootstrapServers(), Map.of("VIGIA_RATE_LIMIT", "0.01", "VIGIA_RATE_BURST", "2"));
        KafkaSettings kafka = KafkaSettings.from(env);
        org.vigia.kit.TopicCreator.ensure(kafka, kafka.topics().all());
        KafkaTestSupport.produce(kafka, kafka.topics().commitments, "C1", commitment("C1"));
        String[] other = TokenStore.mint(Principal.parse("cso:CIDAC"));
        Path tokens = Path.of(env.asMap().get("VIGIA_TOKENS_FILE"));
        Files.writeString(tokens, Files.readString(tokens) + other[1] + "\n");
        try (IngestService service = new IngestService(IngestSettings.from(env))) {
            service.start();
            assertThat(post(service, "r1").statusCode()).isEqualTo(202);
            assertThat(post(service, "r2").statusCode()).isEqualTo(202);

            HttpResponse<String> limited = post(service, "r3");

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s))
                    .isBetween(1L, 100L));
            assertThat(limited.body()).contains("too many requests for irm").contains("VIGIA_RATE_LIMIT");
            assertThat(service.meterRegistry().counter("vigia.ingest.updates.rejected", "reason", "rate_limited").count())
                    .isEqualTo(1.0);
            String mine = token;
            token = other[0];
            assertThat(post(service, "by-cso").statusCode()).isEqualTo(202);
            token = mine;
        }
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().progress)).extracting(r -> r.value().updateId())
                .containsExactlyInAnyOrder("r1", "r2", "by-cso");
    }
}
