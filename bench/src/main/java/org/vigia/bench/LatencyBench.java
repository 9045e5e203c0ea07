package org.vigia.bench;

import java.net.http.HttpClient;
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
 * {@code GET /api/v1/commitments/{id}} (polled every 50 ms) to show that the query API sees
 * them no later than the topic. The bar is judged on a window that follows a warm-up at the
 * same pace (the JIT compiler and the broker's caches of a cold JVM; its figures are printed
 * apart), and the percentiles of every 10 s of the run show warming up apart from falling behind.
 */
final class LatencyBench {
    private static final Duration TICK_EVERY = Duration.ofSeconds(10);
    private static final int HTTP_SAMPLE_EVERY = 1_000;
    private static final int PRIME = 200_000;
    /** Every 10 ms, two pollers were ~150 requests a second on the processor's 2 cores, and slowed what they measured. */
    private static final long QUERY_POLL_MS = 50;

    private LatencyBench() {
    }

    static void run(String bootstrap, int perSecond, int seconds, int warmup, int keys, int sampleEvery)
            throws Exception {
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
            prime(kafka, settings.applicationId(), keys, wallStart);
            measure(kafka, service.httpPort(), perSecond, seconds, warmup, keys, sampleEvery);
            BenchKafka.Progress p = BenchKafka.awaitCaughtUp(kafka, settings.applicationId(),
                    kafka.topics().progress.name(), Duration.ZERO, System.nanoTime());
            System.out.printf("at the end the processor had committed %,d of %,d updates%n", p.committed(), p.total());
        } finally {
            service.close();
            BenchKafka.deleteQuietly(state);
        }
    }

    /**
     * Warms a cold JVM (the JIT compiler, the broker's and RocksDB's caches) the fast way: the
     * first {@value #PRIME} updates are written at once, dated in the 30 s before the run, and
     * the processor reads them to the end before the paced run starts.
     */
    private static void prime(KafkaSettings kafka, String group, int keys, Instant wallStart) throws Exception {
        long t = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(kafka)) {
            for (int i = 0; i < PRIME; i++) {
                ProgressUpdate u = update(i, keys, wallStart.minusSeconds(30).plusMillis(i * 30_000L / PRIME));
                producer.send(new ProducerRecord<>(kafka.topics().progress.name(), null, u.reportedAt().toEpochMilli(),
                        u.commitmentId(), Json.write(u)));
            }
        }
        BenchKafka.awaitCaughtUp(kafka, group, kafka.topics().progress.name(), Duration.ofMinutes(5));
        System.out.printf("primed: %,d updates written and processed in %.1f s%n", PRIME, (System.nanoTime() - t) / 1e9);
    }

    private static void measure(KafkaSettings kafka, int httpPort, int perSecond, int seconds, int warmup, int keys,
                                int sampleEvery) throws Exception {
        Map<String, Long> pending = new ConcurrentHashMap<>(); // "id|lastUpdateAt" -> scheduled send, nanos
        List<double[]> samples = Collections.synchronizedList(new ArrayList<>()); // {scheduled nanos, ms}
        List<double[]> httpSamples = Collections.synchronizedList(new ArrayList<>()); // {scheduled nanos, ms or -1}
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong statusesSeen = new java.util.concurrent.atomic.AtomicLong();
        Thread sampler = statusSampler(kafka, pending, samples, stop, statusesSeen);
        sampler.start();
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        int total = perSecond * (warmup + seconds);
        int measuredFrom = perSecond * warmup; // the first update of the measured window
        long intervalNanos = 1_000_000_000L / perSecond;
        long startMillis = System.currentTimeMillis();
        long t0 = System.nanoTime();
        long windowStart = t0 + measuredFrom * intervalNanos;
        long nextTick = t0;
        long maxBehind = 0;
        try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(kafka)) {
            for (int i = 0; i < total; i++) {
                long scheduled = t0 + i * intervalNanos;
                long now = System.nanoTime();
                if (now < scheduled) {
                    LockSupport.parkNanos(scheduled - now);
                } else if (i >= measuredFrom) {
                    maxBehind = Math.max(maxBehind, now - scheduled);
                }
                if (System.nanoTime() >= nextTick) {
                    tick(producer, kafka, Instant.ofEpochMilli(startMillis + (System.nanoTime() - t0) / 1_000_000));
                    nextTick += TICK_EVERY.toNanos();
                }
                // reportedAt: the scheduled send instant, unique per commitment and increasing,
                // so each update changes its commitment's lastUpdateAt and hence its status.
                Instant reportedAt = Instant.ofEpochMilli(startMillis + (scheduled - t0) / 1_000_000);
                ProgressUpdate u = update(PRIME + i, keys, reportedAt);
                if (i % sampleEvery == 0) {
                    pending.put(u.commitmentId() + "|" + reportedAt.toEpochMilli(), scheduled);
                }
                if (i % HTTP_SAMPLE_EVERY == HTTP_SAMPLE_EVERY / 2) { // the warm-up polls too: same load
                    pollers.submit(() -> httpSamples.add(new double[] {scheduled,
                        QueryApiProbe.poll(http, httpPort, u, scheduled, QUERY_POLL_MS)}));
                }
                producer.send(new ProducerRecord<>(kafka.topics().progress.name(), null, reportedAt.toEpochMilli(),
                        u.commitmentId(), Json.write(u)));
            }
            producer.flush();
        }
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        drain(pending, stop, sampler, pollers);

        System.out.printf("status records seen by the sampler: %,d%n", statusesSeen.get());
        System.out.printf("sent %,d updates in %.1f s (%,.0f/s offered, target %,d/s; in the measured window the producer"
                + " was at most %.0f ms behind schedule)%n%n", total, sendSeconds, total / sendSeconds, perSecond,
                maxBehind / 1e6);
        judge(samples, httpSamples, pending, t0, windowStart, perSecond, warmup, seconds, sampleEvery);
    }

    /** Prints the warm-up's and the measured window's percentiles, each 10 s of the run, and the bar. */
    private static void judge(List<double[]> samples, List<double[]> httpSamples, Map<String, Long> pending, long t0,
                              long windowStart, int perSecond, int warmup, int seconds, int sampleEvery) {
        int measuredFrom = perSecond * warmup;
        int total = perSecond * (warmup + seconds);
        List<Double> cold = Stats.window(samples, Long.MIN_VALUE, windowStart);
        List<Double> warm = Stats.window(samples, windowStart, Long.MAX_VALUE);
        int warmMissing = (int) pending.values().stream().filter(v -> v >= windowStart).count();
        int warmSamples = (total - measuredFrom + sampleEvery - 1) / sampleEvery;
        if (warmup > 0) {
            Stats.latencyRow("warm-up, first " + warmup + " s (not judged)", cold,
                    (measuredFrom + sampleEvery - 1) / sampleEvery, pending.size() - warmMissing);
        }
        Stats.latencyRow("update → commitment-status (topic)", warm, warmSamples, warmMissing);
        List<Double> queried = Stats.window(httpSamples, windowStart, Long.MAX_VALUE);
        Stats.latencyRow("update → GET /api/v1/commitments/{id}", queried.stream().filter(v -> v >= 0).toList(),
                queried.size(), (int) queried.stream().filter(v -> v < 0).count());
        Stats.byTenSeconds(samples, t0, warmup + seconds);
        boolean pass = !warm.isEmpty() && warmMissing == 0 && Stats.percentile(warm, 99) < 1000;
        System.out.printf("bar: p99 < 1000 ms at %,d updates/s, after %d s of warm-up → %s%n", perSecond, warmup,
                pass ? "PASS" : "FAIL");
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

    /** Consumes commitment-status (read_committed, from its end) and matches the sampled updates. */
    private static Thread statusSampler(KafkaSettings kafka, Map<String, Long> pending, List<double[]> samples,
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
                            samples.add(new double[] {scheduled, (arrived - scheduled) / 1e6});
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
}
