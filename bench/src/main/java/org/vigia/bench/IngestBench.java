package org.vigia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.events.Json;
import org.vigia.events.ProgressUpdate;
import org.vigia.ingest.IngestService;
import org.vigia.ingest.IngestSettings;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

/**
 * Quality bar of DESIGN §9: the ingest API, batched, accepts at least half of what a bare
 * producer ({@code acks=all}) writes, measured side by side on the same broker: the same
 * JSON updates, the bare producer sending them directly, the API receiving them in
 * batches over HTTP from a few concurrent clients.
 */
final class IngestBench {
    private IngestBench() {
    }

    static void run(String bootstrap, int updates, int keys, int batch, int clients, int rounds) throws Exception {
        String[] token = TokenStore.mint(Principal.parse("irm"));
        Path tokens = Files.createTempFile("bench-tokens", ".yaml");
        Files.writeString(tokens, "tokens:\n" + token[1] + "\n");
        Map<String, String> vars = new HashMap<>();
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        vars.put("VIGIA_TOPIC_PREFIX", "bench-ingest-" + System.currentTimeMillis() + ".");
        vars.put("VIGIA_TOKENS_FILE", tokens.toString());
        vars.put("VIGIA_HTTP_HOST", "127.0.0.1");
        vars.put("VIGIA_HTTP_PORT", "0");
        vars.put("VIGIA_PARTITIONS", "6");
        vars.put("VIGIA_CLOCK_ENABLED", "false");
        vars.put("VIGIA_MAX_BODY_BYTES", String.valueOf(16 * 1024 * 1024));
        Env env = new Env(vars);
        KafkaSettings kafka = KafkaSettings.from(env);
        BenchKafka.createTopics(kafka, kafka.topics().all());
        BenchKafka.writeRegistry(kafka, keys);

        List<byte[]> bodies = new ArrayList<>();
        List<ProgressUpdate> all = new ArrayList<>();
        for (int i = 0; i < updates; i++) {
            ProgressUpdate u = BenchKafka.update(i, keys);
            all.add(new ProgressUpdate(u.updateId(), u.commitmentId(), u.milestoneId(), u.percent(), u.level(), null,
                    null, u.reportedAt(), u.evidenceUrl(), u.note()));
        }
        for (int i = 0; i < updates; i += batch) {
            bodies.add(Json.write(all.subList(i, Math.min(updates, i + batch))));
        }

        List<Double> bare = new ArrayList<>();
        List<Double> api = new ArrayList<>();
        try (IngestService ingest = new IngestService(IngestSettings.from(env))) {
            ingest.start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + ingest.httpPort() + "/api/v1/progress");
            // One unmeasured pass through the API first: ingest's HTTP stack, JSON readers and
            // producers are cold, while the bare side's code path is warmed by the registry write.
            api(http, uri, token[0], bodies.subList(0, Math.min(bodies.size(), 40)), 0, clients);
            for (int round = 1; round <= rounds; round++) {
                double b;
                double a;
                if (round % 2 == 1) { // alternate the order, so neither side always runs on a warmer machine
                    b = bare(kafka, all);
                    a = api(http, uri, token[0], bodies, updates, clients);
                } else {
                    a = api(http, uri, token[0], bodies, updates, clients);
                    b = bare(kafka, all);
                }
                bare.add(b);
                api.add(a);
                System.out.printf("round %d (%s first): bare producer %,.0f rec/s, ingest API %,.0f rec/s, ratio %.2f%n",
                        round, round % 2 == 1 ? "bare" : "API", b, a, a / b);
            }
        }
        System.out.println();
        System.out.println(Stats.row("bare producer, acks=all", bare, "rec/s"));
        System.out.println(Stats.row("ingest API, batches of " + batch + ", " + clients + " clients", api, "rec/s"));
        System.out.println(Stats.ratioRow("ratio API / bare (bar: ≥ 0.50)", Stats.ratios(api, bare)));
        System.out.println("per-round ratios: " + Stats.list(Stats.ratios(api, bare)));
    }

    private static double bare(KafkaSettings kafka, List<ProgressUpdate> updates) {
        try (var producer = BenchKafka.producer(kafka)) {
            producer.partitionsFor(kafka.topics().progress.name()); // connected and metadata known, like ingest's
            long t0 = System.nanoTime();
            for (ProgressUpdate u : updates) {
                producer.send(new ProducerRecord<>(kafka.topics().progress.name(), null, u.reportedAt().toEpochMilli(),
                        u.commitmentId(), Json.write(u.withOrigin(org.vigia.events.Source.IRM, "irm"))));
            }
            producer.flush();
            return updates.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double api(HttpClient http, URI uri, String token, List<byte[]> bodies, int updates, int clients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                done.add(pool.submit(() -> {
                    for (int i = first; i < bodies.size(); i += clients) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofMinutes(1))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 202) {
                            throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return updates / ((System.nanoTime() - t0) / 1e9);
    }
}
