package org.vigia.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.events.Json;
import org.vigia.events.Milestone;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.kit.KafkaSettings;

/** Data generation and progress measurement shared by the benchmarks. */
final class BenchKafka {
    static final Instant START = Instant.parse("2014-01-01T00:00:00Z");
    private static final String[] SECTORS = {"justice-security", "infrastructure", "economy", "social", "public-services"};
    private static final String[] AGENCIES = {"PGR", "SCT", "SE", "SEDESOL", "SFP", "COFEMER"};

    private BenchKafka() {
    }

    static String agency(int i) {
        return AGENCIES[i % AGENCIES.length];
    }

    static String sector(int i) {
        return SECTORS[i % SECTORS.length];
    }

    static Commitment commitment(int i) {
        return Commitments.of("C-" + i, AGENCIES[i % AGENCIES.length], SECTORS[i % SECTORS.length]).plan("BENCH-PLAN")
                .runs(LocalDate.of(2014, 1, 1), LocalDate.of(2016, 1, 1))
                .milestone(new Milestone("m1", "First", 1.0, null)).milestone(new Milestone("m2", "Second", 2.0, null)).build();
    }

    /** The i-th update: keys spread over {@code keys} commitments, percent creeping up, one minute apart. */
    static ProgressUpdate update(int i, int keys) {
        int c = i % keys;
        double percent = Math.min(100, (i / keys) % 100);
        return ProgressUpdates.agency("agency:" + AGENCIES[c % AGENCIES.length]).id("u-" + i).commitment("C-" + c)
                .milestone((i & 1) == 0 ? "m1" : "m2").percent(percent).at(START.plus(Duration.ofMinutes(i / 10))).build();
    }

    /**
     * Creates the topics and waits until the broker leads every partition. Right after
     * creation the broker may still answer NOT_LEADER_OR_FOLLOWER; an idempotent producer
     * that starts writing then was seen stuck for good retrying OUT_OF_ORDER_SEQUENCE_NUMBER.
     * ListOffsets is served by the leader only, so its success is the readiness signal.
     */
    static void createTopics(KafkaSettings kafka, List<org.vigia.events.Topic<?, ?>> topics)
            throws Exception {
        org.vigia.kit.TopicCreator.ensure(kafka, topics);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            List<String> names = topics.stream().map(org.vigia.events.Topic::name).toList();
            while (true) {
                try {
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    admin.describeTopics(names).allTopicNames().get().forEach((name, d) -> d.partitions()
                            .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                    return;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topics not led by the broker within 60 s", e);
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    static void writeRegistry(KafkaSettings kafka, int keys) {
        try (var producer = producer(kafka)) {
            for (int i = 0; i < keys; i++) {
                producer.send(new ProducerRecord<>(kafka.topics().commitments.name(), null, START.toEpochMilli() - 1,
                        "C-" + i, Json.write(commitment(i))));
            }
            producer.flush();
        }
    }

    static void writeUpdates(KafkaSettings kafka, int count, int keys) {
        try (var producer = producer(kafka)) {
            for (int i = 0; i < count; i++) {
                ProgressUpdate u = update(i, keys);
                producer.send(new ProducerRecord<>(kafka.topics().progress.name(), null, u.reportedAt().toEpochMilli(),
                        u.commitmentId(), Json.write(u)));
            }
            producer.flush();
        }
    }

    static KafkaProducer<String, byte[]> producer(KafkaSettings kafka) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put("acks", "all");
        props.put("linger.ms", "5");
        props.put("batch.size", String.valueOf(256 * 1024));
        props.put("enable.idempotence", "true");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** How far a consumer group got through a topic: records committed, and whether that is all of them. */
    record Progress(long committed, long total, double seconds, double secondHalfRate) {
        boolean complete() {
            return committed >= total;
        }

        double rate() {
            return committed / seconds;
        }
    }

    /**
     * Waits until the consumer group has committed every offset of {@code topic}, or until
     * {@code cap} has passed, printing progress every 10 s. Counts from now ({@code t0}
     * nanos is the start of the measurement).
     */
    static Progress awaitCaughtUp(KafkaSettings kafka, String group, String topic, Duration cap, long t0)
            throws Exception {
        long deadline = t0 + cap.toNanos();
        long nextReport = t0 + Duration.ofSeconds(10).toNanos();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long total = ends.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
            List<long[]> samples = new java.util.ArrayList<>(); // {nanos, committed}
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                long now = System.nanoTime();
                long done = 0;
                for (var e : ends.entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    done += c == null ? 0 : Math.min(c.offset(), e.getValue().offset());
                }
                samples.add(new long[] {now, done});
                long half = t0 + (now - t0) / 2;
                long[] mid = samples.stream().filter(x -> x[0] >= half).findFirst().orElse(samples.get(0));
                double secondHalf = now == mid[0] ? 0 : (done - mid[1]) / ((now - mid[0]) / 1e9);
                Progress progress = new Progress(done, total, (now - t0) / 1e9, secondHalf);
                if (progress.complete() || now >= deadline) {
                    return progress;
                }
                if (now >= nextReport) {
                    System.out.printf("    %s: %,d / %,d after %.0f s (%,.0f rec/s)%n", group, done, total,
                            progress.seconds(), progress.rate());
                    nextReport += Duration.ofSeconds(10).toNanos();
                }
                Thread.sleep(20);
            }
        }
    }

    /** As {@link #awaitCaughtUp(KafkaSettings, String, String, Duration, long)}, failing if not all was consumed. */
    static void awaitCaughtUp(KafkaSettings kafka, String group, String topic, Duration timeout) throws Exception {
        Progress p = awaitCaughtUp(kafka, group, topic, timeout, System.nanoTime());
        if (!p.complete()) {
            throw new IllegalStateException(group + " did not catch up on " + topic + " within " + timeout);
        }
    }

    /** Records of {@code topic} the group has committed so far. */
    static long committed(KafkaSettings kafka, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /**
     * What the sector roll-ups must show once every update of {@link #writeUpdates} is processed,
     * computed the way the design defines it (latest report per milestone, weighted, rounded to one
     * decimal per commitment, then the mean): sector → {commitments, mean completion in tenths}.
     */
    static Map<String, long[]> expectedSectors(int updates, int keys) {
        double[] latest = new double[keys];
        String[] milestone = new String[keys];
        for (int i = 0; i < updates; i++) {
            ProgressUpdate u = update(i, keys);
            int c = i % keys;
            latest[c] = u.percent();
            milestone[c] = u.milestoneId();
        }
        Map<String, long[]> sums = new java.util.TreeMap<>();
        for (int c = 0; c < keys; c++) {
            double weight = milestone[c] == null ? 0 : "m1".equals(milestone[c]) ? 1 : 2;
            long tenths = Math.round(Math.round(latest[c] * weight / 3.0 * 10.0) / 10.0 * 10);
            long[] s = sums.computeIfAbsent(sector(c), k -> new long[2]);
            s[0]++;
            s[1] += tenths;
        }
        Map<String, long[]> out = new java.util.TreeMap<>();
        sums.forEach((sector, s) -> out.put(sector, new long[] {s[0], Math.round((double) s[1] / s[0])}));
        return out;
    }

    static void deleteQuietly(java.nio.file.Path dir) {
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            // a temp folder left behind is harmless
        }
    }
}
