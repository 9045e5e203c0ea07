package org.vigia.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigia.ingest.replay.DatasetFiles.commitment;
import static org.vigia.ingest.replay.DatasetFiles.news;
import static org.vigia.ingest.replay.DatasetFiles.update;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Commitment;
import org.vigia.events.Follows;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Tick;
import org.vigia.ingest.KafkaTestSupport.Read;
import org.vigia.ingest.KafkaTestSupport;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.TopicCreator;

/** Replays against the real broker: event-time order, ticks to every partition, one transaction per step. */
class ReplayIT {
    @TempDir
    Path dir;

    Path smallDataset() {
        return DatasetFiles.write(dir,
                "[" + commitment("C1", "PGR", "2014-01-02", "2014-01-04") + "," + commitment("C2", "SCT", "2014-01-01", "2014-01-03") + "]",
                update("late", "C1", 50, "2014-01-03T09:00:00Z") + "\n" + update("early", "C1", 10, "2014-01-01T12:00:00Z") + "\n"
                        + update("midnight", "C2", 20, "2014-01-02T00:00:00Z") + "\n",
                news("n1", "2014-01-02T08:00:00Z", "PGR", "SEGOB"),
                "{\"at\":\"2014-01-03T09:00:00Z\",\"commitment\":" + commitment("C1", "PGR", "2014-01-02", "2014-02-01") + "}\n");
    }

    static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void writesEveryRecordStampedWithItsEventTimeAndATickToEveryPartitionForEveryDay() {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        List<String> lines = new CopyOnWriteArrayList<>();

        ReplaySummary summary = Replay.run(kafka, smallDataset(), ReplayOptions.defaults()
                .withEnd(Instant.parse("2014-01-06T00:00:00Z")).withProgress(lines::add));

        assertThat(summary.steps()).isEqualTo(6);
        assertThat(summary.partitions()).isEqualTo(3);
        assertThat(summary.progress()).isEqualTo(3);
        assertThat(summary.newsRecords()).isEqualTo(2);
        assertThat(lines).last().asString().startsWith("replay done: 6 ticks from 2014-01-01T00:00:00Z");

        List<Read<ProgressUpdate>> progress = KafkaTestSupport.readCommitted(kafka, kafka.topics().progress);
        assertThat(progress).extracting(r -> r.value().updateId() + "@" + Instant.ofEpochMilli(r.timestamp()) + "/" + r.key())
                .containsExactlyInAnyOrder("early@2014-01-01T12:00:00Z/C1", "midnight@2014-01-02T00:00:00Z/C2",
                        "late@2014-01-03T09:00:00Z/C1");
        List<Read<Commitment>> registry = KafkaTestSupport.readCommitted(kafka, kafka.topics().commitments);
        assertThat(registry).extracting(r -> r.key() + "@" + Instant.ofEpochMilli(r.timestamp()) + "/" + r.value().dueDate())
                .containsExactlyInAnyOrder("C1@2014-01-01T00:00:00Z/2014-01-04", "C2@2014-01-01T00:00:00Z/2014-01-03",
                        "C1@2014-01-03T09:00:00Z/2014-02-01");
        List<Read<NewsSignal>> news = KafkaTestSupport.readCommitted(kafka, kafka.topics().news);
        assertThat(news).extracting(Read::key).containsExactlyInAnyOrder("PGR", "SEGOB");

        List<Read<Tick>> ticks = KafkaTestSupport.readCommitted(kafka, kafka.topics().clock);
        Map<Integer, List<Read<Tick>>> byPartition = ticks.stream().collect(Collectors.groupingBy(Read::partition));
        assertThat(byPartition).containsOnlyKeys(0, 1, 2);
        for (var e : byPartition.entrySet()) {
            assertThat(e.getValue()).extracting(Read::key).containsOnly("tick-" + e.getKey());
            assertThat(e.getValue()).extracting(r -> r.value().at()).containsExactly(
                    IntStream.range(0, 6).mapToObj(d -> Instant.parse("2014-01-01T00:00:00Z").plus(Duration.ofDays(d)))
                            .toArray(Instant[]::new));
            assertThat(e.getValue()).allMatch(r -> r.timestamp() == r.value().at().toEpochMilli());
        }
    }

    /**
     * The processor holds a tick until it has read the records the tick names: each tick must
     * name the last progress and registry record of its partition written at or before its time.
     */
    @Test
    void everyTickNamesTheLastProgressAndRegistryOffsetsOfItsPartitionWrittenBeforeIt() {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        Replay.run(kafka, smallDataset(), ReplayOptions.defaults().withEnd(Instant.parse("2014-01-06T00:00:00Z")));

        List<Read<ProgressUpdate>> progress = KafkaTestSupport.readCommitted(kafka, kafka.topics().progress);
        List<Read<Commitment>> registry = KafkaTestSupport.readCommitted(kafka, kafka.topics().commitments);
        List<Read<Tick>> ticks = KafkaTestSupport.readCommitted(kafka, kafka.topics().clock);
        assertThat(ticks).hasSize(6 * 3);
        assertThat(ticks).as("some tick waits for a report, some for a registry entry")
                .anyMatch(t -> t.value().afterProgress() != null).anyMatch(t -> t.value().afterCommitments() != null);
        for (Read<Tick> t : ticks) {
            assertThat(t.value().afterProgress()).as("afterProgress of %s", t)
                    .isEqualTo(lastOffsetUpTo(progress, t.partition(), t.timestamp()));
            assertThat(t.value().afterCommitments()).as("afterCommitments of %s", t)
                    .isEqualTo(lastOffsetUpTo(registry, t.partition(), t.timestamp()));
        }
    }

    /**
     * The processor holds a registry version or a report until it has applied the record of the
     * other topic it names: each registry record names the last progress record of its partition
     * written in an earlier step, each progress record the last registry record written up to its
     * own step (a step's registry goes first).
     */
    @Test
    void registryAndProgressRecordsNameTheLastRecordOfTheOtherTopicWrittenBeforeThem() {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        Replay.run(kafka, smallDataset(), ReplayOptions.defaults().withEnd(Instant.parse("2014-01-06T00:00:00Z")));

        List<Read<ProgressUpdate>> progress = KafkaTestSupport.readCommitted(kafka, kafka.topics().progress);
        List<Read<Commitment>> registry = KafkaTestSupport.readCommitted(kafka, kafka.topics().commitments);
        long day = Duration.ofDays(1).toMillis();
        for (Read<ProgressUpdate> p : progress) {
            long stepEnd = Math.floorDiv(p.timestamp() + day - 1, day) * day;
            assertThat(p.follows(Follows.AFTER_COMMITMENTS)).as("after-commitments of %s", p.value().updateId())
                    .isEqualTo(lastOffsetUpTo(registry, p.partition(), stepEnd)).isNotNull();
        }
        Read<Commitment> amendment = registry.stream().filter(r -> r.timestamp() == ms("2014-01-03T09:00:00Z"))
                .findFirst().orElseThrow();
        long stepStart = Math.floorDiv(amendment.timestamp() + day - 1, day) * day - day;
        assertThat(amendment.follows(Follows.AFTER_PROGRESS)).as("the amendment follows the reports of earlier steps")
                .isEqualTo(lastOffsetUpTo(progress, amendment.partition(), stepStart)).isNotNull();
        assertThat(registry).filteredOn(r -> r.timestamp() == ms("2014-01-01T00:00:00Z"))
                .allMatch(r -> r.follows(Follows.AFTER_PROGRESS) == null, "the initial registry follows nothing");
    }

    /** The offset of the last record of {@code partition} stamped at or before {@code at}, or null. */
    private static Long lastOffsetUpTo(List<? extends Read<?>> records, int partition, long at) {
        return records.stream().filter(r -> r.partition() == partition && r.timestamp() <= at)
                .map(Read::offset).max(Comparator.naturalOrder()).orElse(null);
    }

    @Test
    void recordTimestampsNeverGoBackwardsOnAnyPartition() {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        Replay.run(kafka, smallDataset(), ReplayOptions.defaults().withTick(Duration.ofHours(6)));

        for (var topic : List.of(kafka.topics().progress, kafka.topics().commitments, kafka.topics().clock)) {
            @SuppressWarnings("unchecked")
            List<Read<Object>> all = (List<Read<Object>>) (List<?>) KafkaTestSupport.readCommitted(kafka, topic);
            all.stream().collect(Collectors.groupingBy(Read::partition)).values().forEach(records ->
                    assertThat(records).extracting(Read::timestamp).isSortedAccordingTo(Comparator.naturalOrder()));
        }
    }

    @Test
    void aStepIsWrittenWholeOrNotAtAllItsTicksIncluded() throws Exception {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        // The news topic refuses records over 1,000 bytes, so the step holding the long news item fails.
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(kafka.topics().news.name(), 3, (short) 1)
                    .configs(Map.of("max.message.bytes", "1000")))).all().get();
        }
        Path ds = DatasetFiles.write(dir, "[" + commitment("C1", "PGR", "2014-01-01", "2014-01-04") + "]",
                update("u1", "C1", 10, "2014-01-02T10:00:00Z") + "\n" + update("u2", "C1", 20, "2014-01-03T10:00:00Z") + "\n"
                        + update("u3", "C1", 30, "2014-01-05T10:00:00Z") + "\n",
                news("big", "2014-01-03T11:00:00Z", "PGR").replace("\"title\":\"t\"", "\"title\":\"" + "x".repeat(990) + "\""),
                null);

        assertThatThrownBy(() -> Replay.run(kafka, ds, ReplayOptions.defaults()))
                .isInstanceOf(TransactionalWriter.WriteFailedException.class);

        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().progress)).extracting(r -> r.value().updateId())
                .containsExactly("u1");
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().clock)).extracting(r -> r.value().at())
                .allMatch(at -> at.isBefore(Instant.parse("2014-01-04T00:00:00Z")))
                .hasSize(3 * 3);
        // u2 did reach the log, inside the transaction that was then aborted
        assertThat(KafkaTestSupport.readAll(kafka, kafka.topics().progress, "read_uncommitted"))
                .extracting(r -> r.value().updateId()).contains("u2").doesNotContain("u3");
    }

    @Test
    void aStepsRegistryRecordsAreCommittedInTheirOwnTransactionBeforeTheStepsOtherRecordsAndTicks() throws Exception {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        // The news topic refuses records over 1,000 bytes: the second transaction of step 3 fails.
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(kafka.topics().news.name(), 3, (short) 1)
                    .configs(Map.of("max.message.bytes", "1000")))).all().get();
        }
        Path ds = DatasetFiles.write(dir, "[" + commitment("C1", "PGR", "2014-01-01", "2014-01-10") + "]",
                update("u1", "C1", 10, "2014-01-02T10:00:00Z") + "\n" + update("u2", "C1", 20, "2014-01-03T10:00:00Z") + "\n",
                news("big", "2014-01-03T11:00:00Z", "PGR").replace("\"title\":\"t\"", "\"title\":\"" + "x".repeat(990) + "\""),
                "{\"at\":\"2014-01-03T09:00:00Z\",\"commitment\":" + commitment("C1", "PGR", "2014-01-01", "2014-02-01") + "}\n");

        assertThatThrownBy(() -> Replay.run(kafka, ds, ReplayOptions.defaults()))
                .isInstanceOf(TransactionalWriter.WriteFailedException.class);

        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().commitments))
                .extracting(r -> Instant.ofEpochMilli(r.timestamp()) + "/" + r.value().dueDate())
                .as("the amendment of step 3 was committed on its own, before the step's transaction failed")
                .containsExactly("2014-01-01T00:00:00Z/2014-01-10", "2014-01-03T09:00:00Z/2014-02-01");
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().progress)).extracting(r -> r.value().updateId())
                .containsExactly("u1");
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().clock)).extracting(r -> r.value().at())
                .allMatch(at -> at.isBefore(Instant.parse("2014-01-04T00:00:00Z"))).hasSize(3 * 3);
    }

    @Test
    void aDatasetWithAnInvalidLineIsRefusedBeforeAnythingIsWritten() {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        TopicCreator.ensure(kafka, kafka.topics().all());
        Path ds = DatasetFiles.write(dir, "[" + commitment("C1", "PGR", "2014-01-01", "2014-01-04") + "]",
                update("u1", "C1", 10, "2014-01-02T10:00:00Z") + "\n" + update("u2", "C1", 101, "2014-01-03T10:00:00Z") + "\n",
                null, null);

        assertThatThrownBy(() -> Replay.run(kafka, ds, ReplayOptions.defaults()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("progress.jsonl:2: percent: must be between 0 and 100 (was 101.0)");

        for (var topic : List.of(kafka.topics().progress, kafka.topics().commitments, kafka.topics().clock, kafka.topics().news)) {
            assertThat(KafkaTestSupport.readAll(kafka, topic, "read_uncommitted")).as(topic.name()).isEmpty();
        }
    }

    @Test
    void aSpeedFactorSpreadsTheReplayOverRoughlyTheExpectedWallTime() {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        Path ds = DatasetFiles.write(dir, "[" + commitment("C1", "PGR", "2014-01-01", "2014-01-04") + "]",
                update("u1", "C1", 10, "2014-01-02T10:00:00Z") + "\n", null, null);
        ReplayOptions tenDays = ReplayOptions.defaults().withEnd(Instant.parse("2014-01-11T00:00:00Z"));

        // four event-days per wall second over ten event-days: about 2.5 s
        ReplaySummary paced = Replay.run(kafka, ds, tenDays.withSpeed(4 * 86_400));
        ReplaySummary targeted = Replay.run(KafkaTestSupport.kafka(), ds, tenDays.withTargetDuration(Duration.ofSeconds(2)));

        assertThat(paced.wall()).isBetween(Duration.ofMillis(2_000), Duration.ofSeconds(60));
        assertThat(targeted.wall()).isBetween(Duration.ofMillis(1_600), Duration.ofSeconds(60));
        assertThat(paced.steps()).isEqualTo(11);
    }

    @Test
    void theProgressCallbackHearsAboutARunningReplay() {
        List<String> lines = new ArrayList<>();
        Path ds = DatasetFiles.write(dir, "[" + commitment("C1", "PGR", "2014-01-01", "2014-01-04") + "]",
                update("u1", "C1", 10, "2014-01-02T10:00:00Z") + "\n", null, null);

        Replay.run(KafkaTestSupport.kafka(), ds, ReplayOptions.defaults().withEnd(Instant.parse("2014-01-11T00:00:00Z"))
                .withTargetDuration(Duration.ofMillis(2500)).withProgress(lines::add));

        assertThat(lines.get(0)).startsWith("replaying 11 ticks of PT24H from 2014-01-01T00:00:00Z");
        assertThat(lines).anyMatch(l -> l.matches("2014-01-\\d\\d · tick \\d+/11 · 1 commitments, 0 amendments, \\d updates, 0 news written"));
        assertThat(lines).last().asString().startsWith("replay done:");
    }
}
