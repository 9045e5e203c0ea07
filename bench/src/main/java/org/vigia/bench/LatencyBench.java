package org.vigia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.Commitments;
import org.vigia.events.Json;
import org.vigia.events.Milestone;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.Tick;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.processor.ProcessorService;
import org.vigia.processor.ProcessorSettings;

/**
 * Quality bar: update → status visible, p99 under 1 s at 5,000 updates/s.
 *
 * <p>An open-loop producer writes progress updates to {@code vigia.progress} at a fixed pace
 * (each update has a scheduled send time; if the producer falls behind, the delay counts
 * against Vigía — no coordinated omission), plus a clock tick to every partition every 10 s
 * as ingest's live clock does. Every update is a status change: its {@code reportedAt} is
 * later than any earlier report of its commitment, so the status's {@code lastUpdateAt}
 * changes (the judge re-publishes a status only when something other than {@code asOf}
 * changed). One update in {@code sampleEvery} is sampled; its latency is the wall time from
 * its scheduled send to the arrival, at a {@code read_committed} consumer of
 * {@code vigia.commitment-status}, of the status of its commitment whose
 * {@code lastUpdateAt} equals its {@code reportedAt}. A few updates are also checked through
 * {@code GET /api/v1/commitments/{id}} (polled every 10 ms) to show that the query API sees
 * them no later than the topic.
 */
final class LatencyBench {
    private static final Duration TICK_EVERY = Duration.ofSeconds(10);
    private static final int HTTP_SAMPLE_EVERY = 1_000;

    private LatencyBench() {
    }

    static void run(String bootstrap, int perSecond, int seconds, int keys, int sampleEvery) throws Exception {
        Path state = Files.createTempDirectory("bench-latency");
        Map<String, String> vars = new HashMap<>();
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        vars.put("VIGIA_TOPIC_PREFIX", "bench-latency-" + System.currentTimeMillis() + ".");
        vars.put("VIGIA_PARTITIONS", "6");
        vars.put("VIGIA_APPLICATION_ID", "bench-latency-" + System.currentTimeMillis());
        vars.put("VIGIA_STATE_DIR", state.toString());
        vars.put("VIGIA_HTTP_HOST", "127.0.0.1");
        vars.put("VIGIA_HTTP_PORT", "0");
        // Other VIGIA_* variables of the environment reach the service (e.g. VIGIA_MAX_TASK_IDLE=0
        // to see what the task idling costs); the ones above are the bench's own.
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("VIGIA_")) {
                vars.putIfAbsent(k, v);
            }
        });
        Env env = new Env(vars);
        ProcessorSettings settings = ProcessorSettings.from(env);
        KafkaSettings kafka = settings.kafka();
        BenchKafka.createTopics(kafka, kafka.topics().all());

        Instant wallStart = Instant.now();
        LocalDate today = LocalDate.ofInstant(wallStart, ZoneOffset.UTC);
        try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(kafka)) {
            for (int c = 0; c < keys; c++) {
                Commitment commitment = Commitments.of("C-" + c, BenchKafka.agency(c), BenchKafka.sector(c))
                        .plan("BENCH-PLAN").runs(today.minusYears(1), today.plusYears(1))
                        .milestone(new Milestone("m1", "First", 1.0, null)).milestone(new Milestone("m2", "Second", 1.0, null))
                        .build();
                producer.send(new ProducerRecord<>(kafka.topics().commitments.name(), null,
                        wallStart.minusSeconds(60).toEpochMilli(), commitment.id(), Json.write(commitment)));
            }
            producer.flush();
        }

        ProcessorService service = new ProcessorService(settings);
        try {
            service.start();
            BenchKafka.awaitCaughtUp(kafka, settings.applicationId(), kafka.topics().commitments.name(),
                    Duration.ofMinutes(2));
            System.out.printf("processor running (commit interval %d ms, max task idle %d ms); %,d commitments loaded%n",
                    settings.commitInterval().toMillis(), settings.maxTaskIdle().toMillis(), keys);
            measure(kafka, service.httpPort(), perSecond, seconds, keys, sampleEvery);
            BenchKafka.Progress p = BenchKafka.awaitCaughtUp(kafka, settings.applicationId(),
                    kafka.topics().progress.name(), Duration.ZERO, System.nanoTime());
            System.out.printf("at the end the processor had committed %,d of %,d updates%n", p.committed(), p.total());
        } finally {
            service.close();
            BenchKafka.deleteQuietly(state);
        }
    }

    private static void measure(KafkaSettings kafka, int httpPort, int perSecond, int seconds, int keys,
                                int sampleEvery) throws Exception {
        Map<String, Long> pending = new ConcurrentHashMap<>(); // "id|lastUpdateAt" -> scheduled send, nanos
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Double> httpLatencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong statusesSeen = new java.util.concurrent.atomic.AtomicLong();
        Thread sampler = statusSampler(kafka, pending, latencies, stop, statusesSeen);
        sampler.start();
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        int total = perSecond * seconds;
        long intervalNanos = 1_000_000_000L / perSecond;
        long startMillis = System.currentTimeMillis();
        long t0 = System.nanoTime();
        long nextTick = t0;
        long maxBehind = 0;
        try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(kafka)) {
            for (int i = 0; i < total; i++) {
                long scheduled = t0 + i * intervalNanos;
                long now = System.nanoTime();
                if (now < scheduled) {
                    LockSupport.parkNanos(scheduled - now);
                } else {
                    maxBehind = Math.max(maxBehind, now - scheduled);
                }
                if (System.nanoTime() >= nextTick) {
                    tick(producer, kafka, Instant.ofEpochMilli(startMillis + (System.nanoTime() - t0) / 1_000_000));
                    nextTick += TICK_EVERY.toNanos();
                }
                // reportedAt: the scheduled send instant, unique per commitment and increasing,
                // so each update changes its commitment's lastUpdateAt and hence its status.
                Instant reportedAt = Instant.ofEpochMilli(startMillis + (scheduled - t0) / 1_000_000);
                ProgressUpdate u = update(i, keys, reportedAt);
                if (i % sampleEvery == 0) {
                    pending.put(u.commitmentId() + "|" + reportedAt.toEpochMilli(), scheduled);
                }
                if (i % HTTP_SAMPLE_EVERY == HTTP_SAMPLE_EVERY / 2) {
                    pollers.submit(() -> httpLatencies.add(pollQueryApi(http, httpPort, u, scheduled)));
                }
                producer.send(new ProducerRecord<>(kafka.topics().progress.name(), null, reportedAt.toEpochMilli(),
                        u.commitmentId(), Json.write(u)));
            }
            producer.flush();
        }
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        int samples = (total + sampleEvery - 1) / sampleEvery;
        drain(pending, stop, sampler, pollers);

        System.out.printf("status records seen by the sampler: %,d%n", statusesSeen.get());
        System.out.printf("sent %,d updates in %.1f s (%,.0f/s offered, target %,d/s; producer at most %.0f ms behind"
                + " schedule)%n", total, sendSeconds, total / sendSeconds, perSecond, maxBehind / 1e6);
        System.out.println();
        report("update → commitment-status (topic)", latencies, samples, pending.size());
        report("update → GET /api/v1/commitments/{id}", httpLatencies.stream().filter(v -> v >= 0).toList(),
                httpLatencies.size(), (int) httpLatencies.stream().filter(v -> v < 0).count());
        List<Double> ok = new ArrayList<>(latencies);
        boolean pass = !ok.isEmpty() && pending.isEmpty() && Stats.percentile(ok, 99) < 1000;
        System.out.printf("bar: p99 < 1000 ms at %,d updates/s → %s%n", perSecond, pass ? "PASS" : "FAIL");
    }

    /** Waits up to 20 s for the sampled statuses still pending, then stops the sampler and the query pollers. */
    private static void drain(Map<String, Long> pending, AtomicBoolean stop, Thread sampler, ExecutorService pollers)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stop.set(true);
        sampler.join(10_000);
        pollers.shutdown();
        pollers.awaitTermination(20, TimeUnit.SECONDS);
    }

    /** The live clock: one tick to every partition of the clock topic. */
    private static void tick(KafkaProducer<String, byte[]> producer, KafkaSettings kafka, Instant at) {
        for (int p = 0; p < kafka.partitions(); p++) {
            producer.send(new ProducerRecord<>(kafka.topics().clock.name(), p, at.toEpochMilli(),
                    "tick-" + p, Json.write(new Tick(at))));
        }
    }

    /** Update {@code i}: commitment {@code i mod keys}, alternating milestones, one percent more each round. */
    private static ProgressUpdate update(int i, int keys, Instant reportedAt) {
        int c = i % keys;
        int round = i / keys;
        return ProgressUpdates.agency("agency:" + BenchKafka.agency(c)).id("lat-" + i).commitment("C-" + c)
                .milestone((round & 1) == 0 ? "m1" : "m2").percent(Math.min(100.0, 1 + round)).at(reportedAt).build();
    }

    private static void report(String name, List<Double> millis, int samples, int missing) {
        if (millis.isEmpty()) {
            System.out.printf("%-40s no samples (%d missing)%n", name, missing);
            return;
        }
        List<Double> values = new ArrayList<>(millis);
        System.out.printf("%-40s n=%d (missing %d)  p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  max %.0f ms%n", name,
                samples, missing, Stats.percentile(values, 50), Stats.percentile(values, 95),
                Stats.percentile(values, 99), Collections.max(values));
    }

    /** Consumes commitment-status (read_committed, from its end) and matches the sampled updates. */
    private static Thread statusSampler(KafkaSettings kafka, Map<String, Long> pending, List<Double> latencies,
                                       AtomicBoolean stop, java.util.concurrent.atomic.AtomicLong seen) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put("isolation.level", "read_committed");
        props.put("fetch.max.wait.ms", "5");
        props.put("enable.auto.commit", "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        String topic = kafka.topics().commitmentStatus.name();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // pin the start before the first update is sent
        Thread t = new Thread(() -> {
            try (consumer) {
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                        long arrived = System.nanoTime();
                        seen.incrementAndGet();
                        if (r.value() == null) {
                            continue;
                        }
                        CommitmentStatus s = Json.wire().readValue(r.value(), CommitmentStatus.class);
                        if (s.lastUpdateAt() == null) {
                            continue;
                        }
                        Long scheduled = pending.remove(s.commitmentId() + "|" + s.lastUpdateAt().toEpochMilli());
                        if (scheduled != null) {
                            latencies.add((arrived - scheduled) / 1e6);
                        }
                    }
                }
            } catch (Exception e) {
                System.err.println("status sampler failed: " + e);
            }
        }, "bench-status-sampler");
        t.setDaemon(true);
        return t;
    }

    /** Polls the query API until the commitment shows this update; -1 if it never did within 10 s. */
    private static double pollQueryApi(HttpClient http, int port, ProgressUpdate u, long scheduled) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/commitments/" + u.commitmentId());
        long deadline = scheduled + Duration.ofSeconds(10).toNanos();
        String expected = u.reportedAt().toString();
        try {
            while (System.nanoTime() < deadline) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    Object seen = Json.wire().readValue(r.body(), Map.class).get("lastUpdateAt");
                    if (seen != null && !Instant.parse(seen.toString()).isBefore(u.reportedAt())) {
                        return (System.nanoTime() - scheduled) / 1e6;
                    }
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            System.err.println("query poll of " + expected + " failed: " + e);
        }
        return -1;
    }
}
