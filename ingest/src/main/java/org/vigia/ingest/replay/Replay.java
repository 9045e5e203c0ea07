package org.vigia.ingest.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.vigia.events.Commitment;
import org.vigia.events.Follows;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Topics;
import org.vigia.ingest.clock.Ticks;
import org.vigia.ingest.kafka.Records;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.ingest.kafka.TransactionalWriter.Followers;
import org.vigia.ingest.news.NewsWriter;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.TopicCreator;

/**
 * Replays a dataset into Kafka in event time: the registry, amendments, progress and news
 * merged by event time, with a clock tick to every partition of {@code vigia.clock} after
 * each step (see {@link Timeline}).
 *
 * <p>Each step is written in at most two Kafka transactions, one after the other:
 * <ol>
 *   <li>the step's registry records (the initial registry in step 0, amendments), alone;</li>
 *   <li>then the step's progress and news and its ticks.</li>
 * </ol>
 * Why not one: a transaction spans partitions of several topics, and its commit markers reach
 * those partitions one by one, so a read_committed consumer can see the progress partition's
 * marker before the commitments partition's and process a progress record of a commitment
 * before its registry record, even inside one transaction. With the registry committed first
 * (the second transaction starts only after the first's commit returned), every record of
 * every later transaction becomes visible after it.
 *
 * <p>Visible is not yet read: a processor catching up after a restart may fetch the clock
 * partition ahead of a busy progress partition, and Kafka Streams orders a task's partitions by
 * the lag it last fetched, which can read 0 for a partition that has records. So each tick names
 * the records it follows: tick {@code p} carries the offset of the last progress and registry
 * record this replay wrote to partition {@code p} ({@code afterProgress}, {@code afterCommitments},
 * learned from the broker inside the transaction, before the ticks are sent), and the processor
 * holds the tick until it has read them. Whatever the speed, and through a crash, every tick is
 * applied after exactly the records written before it. Registry and progress records name what
 * they follow the same way, in headers ({@link Follows}): a registry version the offset of the
 * last progress record written before it to its partition, a progress record the last registry
 * record's — so a commitment's amendments and reports are applied in the order written, too.
 *
 * <p>A transaction Kafka rolled back for a reason that passes is written again ({@link StepRetry}).
 *
 * <p>Time is data: nothing here reads the wall clock except the pacing, which only decides
 * when a step is written, never what it contains.
 *
 * <pre>
 *   ReplaySummary s = Replay.run(kafka, Path.of("data/mexico-2013-2015"),
 *           ReplayOptions.defaults().withTargetDuration(Duration.ofSeconds(60)).withProgress(System.out::println));
 * </pre>
 */
public final class Replay {
    private Replay() {
    }

    /** Loads and validates the dataset (nothing is written if any line is invalid), then replays it. */
    public static ReplaySummary run(KafkaSettings kafka, Path datasetDir, ReplayOptions options) {
        return run(kafka, Dataset.load(datasetDir), options);
    }

    public static ReplaySummary run(KafkaSettings kafka, Dataset dataset, ReplayOptions options) {
        Timeline timeline = Timeline.of(dataset, options.tick(), options.end());
        Topics topics = kafka.topics();
        TopicCreator.ensure(kafka, List.of(topics.commitments, topics.progress, topics.news, topics.clock));
        try (TransactionalWriter writer = new TransactionalWriter(kafka, options.instanceId(), "replay")) {
            return new Run(topics, writer, timeline, options).execute();
        }
    }

    /**
     * Per partition, the offset of the last registry and progress record this replay wrote
     * (-1: none yet): what the step's ticks name as the records they must not overtake.
     */
    private static final class Written {
        private final long[] commitments;
        private final long[] progress;
        private final String commitmentsTopic;
        private final String progressTopic;

        Written(int partitions, String commitmentsTopic, String progressTopic) {
            this.commitments = filled(partitions);
            this.progress = filled(partitions);
            this.commitmentsTopic = commitmentsTopic;
            this.progressTopic = progressTopic;
        }

        private static long[] filled(int partitions) {
            long[] offsets = new long[partitions];
            Arrays.fill(offsets, -1);
            return offsets;
        }

        void registryLanded(Map<TopicPartition, Long> offsets) {
            merge(commitments, commitmentsTopic, offsets);
        }

        void progressLanded(Map<TopicPartition, Long> offsets) {
            merge(progress, progressTopic, offsets);
        }

        /** The progress offsets once a step's records have landed at {@code offsets}; this object unchanged. */
        long[] progressAfter(Map<TopicPartition, Long> offsets) {
            long[] after = progress.clone();
            merge(after, progressTopic, offsets);
            return after;
        }

        private static void merge(long[] into, String topic, Map<TopicPartition, Long> offsets) {
            offsets.forEach((tp, offset) -> {
                if (tp.topic().equals(topic) && tp.partition() < into.length) {
                    into[tp.partition()] = Math.max(into[tp.partition()], offset);
                }
            });
        }
    }

    /** One replay in progress: pacing, writing and counting. */
    private static final class Run {
        private final Topics topics;
        private final TransactionalWriter writer;
        private final Timeline timeline;
        private final ReplayOptions options;
        private final double speed;
        private final StepRetry retry;
        private int commitments;
        private int amendments;
        private int progress;
        private int news;
        private int newsRecords;

        Run(Topics topics, TransactionalWriter writer, Timeline timeline, ReplayOptions options) {
            this.topics = topics;
            this.writer = writer;
            this.timeline = timeline;
            this.options = options;
            this.retry = new StepRetry(writer::healthy, options.progress(), StepRetry.RETRY_FOR);
            long span = Duration.between(timeline.start(), timeline.end()).toMillis();
            this.speed = options.targetDuration()
                    .map(d -> span == 0 ? 0.0 : (double) span / d.toMillis())
                    .orElse(options.speed());
        }

        ReplaySummary execute() {
            int partitions = writer.partitionsFor(topics.clock.name());
            Written written = new Written(partitions, topics.commitments.name(), topics.progress.name());
            long startNanos = System.nanoTime();
            long lastReport = startNanos;
            List<Timeline.Step> steps = timeline.steps();
            options.progress().accept("replaying " + steps.size() + " ticks of " + options.tick() + " from "
                    + timeline.start() + " to " + timeline.end() + (speed == 0 ? ", as fast as possible"
                    : String.format(", %.1f event-days per second", speed / 86_400)));
            for (Timeline.Step step : steps) {
                pace(startNanos, step.tickAt());
                List<ProducerRecord<byte[], byte[]>> registry = new ArrayList<>();
                List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
                for (Timeline.Event e : step.events()) {
                    for (ProducerRecord<byte[], byte[]> r : records(e)) {
                        if (e.kind().isRegistry()) {
                            registry.add(Records.following(r, Follows.AFTER_PROGRESS, written.progress));
                        } else {
                            records.add(r);
                        }
                    }
                }
                String tick = "tick " + (step.index() + 1) + "/" + steps.size();
                if (!registry.isEmpty()) {
                    written.registryLanded(retry.write(tick + ", registry", () -> writer.write(registry, Followers.NONE)));
                }
                records.replaceAll(r -> r.topic().equals(topics.progress.name())
                        ? Records.following(r, Follows.AFTER_COMMITMENTS, written.commitments) : r);
                written.progressLanded(retry.write(tick, () -> writer.write(records,
                        offsets -> Ticks.following(topics.clock, step.tickAt(), written.progressAfter(offsets),
                                written.commitments))));
                long now = System.nanoTime();
                if (now - lastReport >= TimeUnit.SECONDS.toNanos(1)) {
                    lastReport = now;
                    options.progress().accept(line(step, steps.size()));
                }
            }
            ReplaySummary summary = new ReplaySummary(steps.size(), partitions, commitments, amendments, progress, news,
                    newsRecords, timeline.eventsAfterEnd(), timeline.start(), timeline.end(),
                    Duration.ofNanos(System.nanoTime() - startNanos));
            options.progress().accept("replay done: " + summary);
            return summary;
        }

        private List<ProducerRecord<byte[], byte[]>> records(Timeline.Event e) {
            return switch (e.kind()) {
                case REGISTRY, AMENDMENT -> {
                    Commitment c = (Commitment) e.value();
                    if (e.kind() == Timeline.Kind.REGISTRY) {
                        commitments++;
                    } else {
                        amendments++;
                    }
                    yield List.of(Records.record(topics.commitments, c.id(), c, e.at()));
                }
                case PROGRESS -> {
                    ProgressUpdate u = (ProgressUpdate) e.value();
                    progress++;
                    yield List.of(Records.record(topics.progress, u.commitmentId(), u, e.at()));
                }
                case NEWS -> {
                    NewsSignal n = (NewsSignal) e.value();
                    news++;
                    List<ProducerRecord<byte[], byte[]>> perAgency = NewsWriter.records(topics, n);
                    newsRecords += perAgency.size();
                    yield perAgency;
                }
            };
        }

        /** Waits until this step's wall time: (tick − start) ÷ speed after the replay began. */
        private void pace(long startNanos, Instant tickAt) {
            if (speed <= 0) {
                return;
            }
            double eventMillis = Duration.between(timeline.start(), tickAt).toMillis();
            long due = startNanos + (long) (eventMillis / speed * 1_000_000L);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("replay interrupted at " + tickAt);
                }
            }
        }

        private String line(Timeline.Step step, int total) {
            LocalDate day = LocalDate.ofInstant(step.tickAt(), ZoneOffset.UTC);
            return String.format("%s · tick %d/%d · %d commitments, %d amendments, %d updates, %d news written",
                    day, step.index() + 1, total, commitments, amendments, progress, news);
        }
    }
}
