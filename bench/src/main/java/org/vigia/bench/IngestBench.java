package org.vigia.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.vigia.events.Json;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.Source;
import org.vigia.ingest.IngestService;
import org.vigia.ingest.IngestSettings;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

/**
 * Quality bar: the ingest API, batched, accepts at least half of what a bare producer
 * ({@code acks=all}) writes, side by side on the same broker. Fair by construction:
 * <ul>
 *   <li>the same records: the bare producer sends exactly the bytes ingest writes (the update
 *       stamped with the token's source and reporter, serialised by the topic's serde), with
 *       the same keys and timestamps; checked once on the topic after the warm-up;</li>
 *   <li>the same producer batching ({@code batch.size}, {@code linger.ms}, {@code acks=all},
 *       idempotence) — ingest's own constants;</li>
 *   <li>a warm-up of both sides before the first round; the bare producer connected and its
 *       metadata known before its clock starts, as ingest's producers are;</li>
 *   <li>rounds alternate which side goes first; each round prints its ratio and the process
 *       CPU-seconds per 1,000 records of each side (broker included: it runs in this JVM).</li>
 * </ul>
 * The rate limit is off for the run: it protects the API from a client, it is not part of
 * the throughput bar.
 */
final class IngestBench {
    private IngestBench() {
    }

    /** A side's run: records per second and process CPU-seconds per 1,000 records. */
    record Run(double rate, double cpuPerThousand) {
    }

    static void run(String bootstrap, int updates, int keys, int batch, int clients, int rounds) throws Exception {
        String[] token = TokenStore.mint(Principal.parse("irm"));
        Path tokens = Files.createTempFile("bench-tokens", ".yaml");
        Files.writeString(tokens, "tokens:\n" + token[1] + "\n");
        Env env = environment(bootstrap, tokens);
        KafkaSettings kafka = KafkaSettings.from(env);
        BenchKafka.createTopics(kafka, kafka.topics().all());
        BenchKafka.writeRegistry(kafka, keys);
        Input input = Input.prepare(kafka, updates, keys, batch);
        List<ProducerRecord<byte[], byte[]>> records = input.records();
        List<byte[]> bodies = input.bodies();
        int warmBodies = Math.min(bodies.size(), Math.max(1, 20_000 / batch));
        int warmRecords = Math.min(updates, warmBodies * batch);

        System.out.printf("ingest bench: %,d updates over %,d commitments, %d rounds; API: batches of %d from %d HTTP/1.1 clients;"
                        + " both sides: acks=all, idempotent, batch.size %d KB, linger.ms %d%n", updates, keys, rounds, batch,
                clients, TransactionalWriter.BATCH_BYTES / 1024, TransactionalWriter.LINGER_MS);
        List<Run> bare = new ArrayList<>();
        List<Run> api = new ArrayList<>();
        try (IngestService ingest = new IngestService(IngestSettings.from(env))) {
            ingest.start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + ingest.httpPort() + "/api/v1/progress");
            // Warm-up of both sides, unmeasured: the same first records through each.
            bare(kafka, records.subList(0, warmRecords));
            api(http, uri, token[0], bodies.subList(0, warmBodies), warmRecords, clients);
            checkSameBytes(kafka, records.subList(0, warmRecords));
            for (int round = 1; round <= rounds; round++) {
                Run b;
                Run a;
                if (round % 2 == 1) {
                    b = bare(kafka, records);
                    a = api(http, uri, token[0], bodies, updates, clients);
                } else {
                    a = api(http, uri, token[0], bodies, updates, clients);
                    b = bare(kafka, records);
                }
                bare.add(b);
                api.add(a);
                System.out.printf("round %d (%s first): bare producer %,.0f rec/s (%.3f CPU-s/1k), ingest API %,.0f rec/s"
                                + " (%.3f CPU-s/1k), ratio %.2f%n", round, round % 2 == 1 ? "bare" : "API", b.rate(),
                        b.cpuPerThousand(), a.rate(), a.cpuPerThousand(), a.rate() / b.rate());
            }
            var summary = ingest.meterRegistry().summary("vigia.ingest.transaction.requests");
            System.out.printf("ingest transactions: %,d, %.1f requests and %.0f records each on average%n", summary.count(),
                    summary.mean(), ingest.meterRegistry().summary("vigia.ingest.transaction.records").mean());
        }
        summarise(bare, api, batch, clients);
    }

    private static Env environment(String bootstrap, Path tokens) {
        Map<String, String> vars = new HashMap<>();
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        vars.put("VIGIA_TOPIC_PREFIX", "bench-ingest-" + System.currentTimeMillis() + ".");
        vars.put("VIGIA_TOKENS_FILE", tokens.toString());
        vars.put("VIGIA_HTTP_HOST", "127.0.0.1");
        vars.put("VIGIA_HTTP_PORT", "0");
        vars.put("VIGIA_PARTITIONS", "6");
        vars.put("VIGIA_CLOCK_ENABLED", "false");
        vars.put("VIGIA_RATE_LIMIT", "0");
        vars.put("VIGIA_MAX_BODY_BYTES", String.valueOf(16 * 1024 * 1024));
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("VIGIA_COMMIT_")) {
                vars.put(k, v);
            }
        });
        return new Env(vars);
    }

    /**
     * The same updates both ways: as the records ingest writes (stamped with the caller's
     * origin, serialised by the topic's serdes) and as API bodies of {@code batch} updates.
     */
    private record Input(List<ProducerRecord<byte[], byte[]>> records, List<byte[]> bodies) {
        static Input prepare(KafkaSettings kafka, int updates, int keys, int batch) {
            List<ProgressUpdate> unstamped = new ArrayList<>();
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            var serde = kafka.topics().progress;
            for (int i = 0; i < updates; i++) {
                ProgressUpdate u = BenchKafka.update(i, keys);
                unstamped.add(ProgressUpdates.from(u).origin(null, null).build());
                ProgressUpdate stamped = u.withOrigin(Source.IRM, "irm");
                records.add(new ProducerRecord<>(serde.name(), null, u.reportedAt().toEpochMilli(),
                        serde.keySerde().serializer().serialize(serde.name(), u.commitmentId()),
                        serde.valueSerde().serializer().serialize(serde.name(), stamped)));
            }
            List<byte[]> bodies = new ArrayList<>();
            for (int i = 0; i < updates; i += batch) {
                bodies.add(Json.write(unstamped.subList(i, Math.min(updates, i + batch))));
            }
            return new Input(records, bodies);
        }
    }

    private static void summarise(List<Run> bare, List<Run> api, int batch, int clients) {
        List<Double> bareRates = bare.stream().map(Run::rate).toList();
        List<Double> apiRates = api.stream().map(Run::rate).toList();
        System.out.println();
        System.out.println(Stats.row("bare producer, acks=all", bareRates, "rec/s"));
        System.out.println(Stats.row("ingest API, batches of " + batch + ", " + clients + " clients", apiRates, "rec/s"));
        System.out.printf("%-44s bare %.3f, API %.3f (medians; process CPU, broker included)%n", "CPU-seconds per 1,000 records",
                Stats.median(bare.stream().map(Run::cpuPerThousand).toList()),
                Stats.median(api.stream().map(Run::cpuPerThousand).toList()));
        System.out.println(Stats.ratioRow("ratio API / bare (bar: ≥ 0.50)", Stats.ratios(apiRates, bareRates)));
        System.out.println("per-round ratios: " + Stats.list(Stats.ratios(apiRates, bareRates)));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Run bare(KafkaSettings kafka, List<ProducerRecord<byte[], byte[]>> records) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("linger.ms", String.valueOf(TransactionalWriter.LINGER_MS));
        props.put("batch.size", String.valueOf(TransactionalWriter.BATCH_BYTES));
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(kafka.topics().progress.name()); // connected and metadata known, like ingest's
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r);
            }
            producer.flush();
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Run(records.size() / seconds, (cpuNanos() - cpu0) / 1e9 / records.size() * 1000);
        }
    }

    private static Run api(HttpClient http, URI uri, String token, List<byte[]> bodies, int updates, int clients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpu0 = cpuNanos();
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
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Run(updates / seconds, (cpuNanos() - cpu0) / 1e9 / updates * 1000);
    }

    /** Both warm-ups wrote the same updates: every value on the topic must then be there exactly twice. */
    private static void checkSameBytes(KafkaSettings kafka, List<ProducerRecord<byte[], byte[]>> expected) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put("isolation.level", "read_committed");
        Map<ByteBuffer, Integer> seen = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(kafka.topics().progress.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.merge(ByteBuffer.wrap(r.value()), 1, Integer::sum);
                }
            }
        }
        long twice = expected.stream().filter(r -> seen.getOrDefault(ByteBuffer.wrap(r.value()), 0) == 2).count();
        if (twice != expected.size()) {
            throw new IllegalStateException("the two sides did not write the same records: " + twice + " of " + expected.size()
                    + " values are on the topic exactly twice");
        }
        System.out.printf("same records: the %,d warm-up updates are on the topic byte for byte twice, once from each side%n",
                expected.size());
    }
}
