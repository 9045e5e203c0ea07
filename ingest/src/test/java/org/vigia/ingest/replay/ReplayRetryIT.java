package org.vigia.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.vigia.ingest.replay.DatasetFiles.commitment;
import static org.vigia.ingest.replay.DatasetFiles.update;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.ingest.KafkaTestSupport;
import org.vigia.ingest.kafka.TransactionalWriter.WriteFailedException;
import org.vigia.kit.KafkaSettings;

/** A replay's step that Kafka rolled back is written again when the reason passes, and only then. */
class ReplayRetryIT {
    @TempDir
    Path dir;

    /**
     * A real retriable failure: the progress topic is deleted between two steps (auto-creation
     * is off), so the next step's sends find no such topic and time out (after 3 s here), and
     * its transaction is rolled back. The replay writes the step again until the topic is back,
     * then goes on: every later update and every tick is committed exactly once.
     */
    @Test
    void aStepRolledBackForAReasonThatPassesIsWrittenAgainUntilItLands() throws Exception {
        KafkaSettings kafka = KafkaSettings.from(KafkaTestSupport.env(Map.of("KAFKA_DELIVERY_TIMEOUT_MS", "3000",
                "KAFKA_REQUEST_TIMEOUT_MS", "1500", "KAFKA_MAX_BLOCK_MS", "3000")));
        Path ds = DatasetFiles.write(dir, "[" + commitment("C1", "PGR", "2014-01-01", "2014-01-04") + "]",
                update("u1", "C1", 10, "2014-01-01T10:00:00Z") + "\n" + update("u2", "C1", 20, "2014-01-02T10:00:00Z") + "\n",
                null, null);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<ReplaySummary> replay = CompletableFuture.supplyAsync(() -> Replay.run(kafka, ds,
                ReplayOptions.defaults().withEnd(Instant.parse("2014-01-03T00:00:00Z"))
                        .withTargetDuration(Duration.ofSeconds(16)).withProgress(lines::add)));
        String progressTopic = kafka.topics().progress.name();
        await("the update of day 1 is written").atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTestSupport.readCommitted(kafka, kafka.topics().progress).size() == 1);
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.deleteTopics(List.of(progressTopic)).all().get();

            await("the replay writes the rolled-back last step again").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(lines).as("replay %s", replay).anyMatch(l -> l.startsWith(
                            "tick 3/3: the write to Kafka failed and was rolled back") && l.contains("UnknownTopicOrPartition")
                            && l.contains("writing it again in")));
            assertThat(replay).isNotDone();
            await("the topic is created again").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.createTopics(List.of(new NewTopic(progressTopic, 3, (short) 1))).all().get();
                return true;
            });
        }

        ReplaySummary summary = replay.get(90, TimeUnit.SECONDS);
        assertThat(summary.steps()).isEqualTo(3);
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().progress)).extracting(r -> r.value().updateId())
                .as("u1 went with the deleted topic; u2 landed once").containsExactly("u2");
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().clock)).extracting(r -> r.partition() + "@" + r.value().at())
                .hasSize(3 * 3).doesNotHaveDuplicates();
    }

    @Test
    void aRefusalThatWillNotPassIsNotRetried() {
        WriteFailedException tooLarge = new WriteFailedException("rolled back",
                new KafkaException("aborted",
                        new RecordTooLargeException("too large")));
        WriteFailedException timedOut = new WriteFailedException("rolled back",
                new TransactionAbortableException("aborted",
                        new TimeoutException("expired")));
        List<String> lines = new ArrayList<>();
        int[] attempts = {0};

        assertThat(StepRetry.passes(tooLarge)).isFalse();
        assertThat(StepRetry.passes(timedOut)).isTrue();
        assertThatThrownBy(() -> new StepRetry(() -> true, lines::add, Duration.ofMinutes(1)).write("tick 1/1", () -> {
            attempts[0]++;
            throw tooLarge;
        })).isSameAs(tooLarge);
        assertThatThrownBy(() -> new StepRetry(() -> false, lines::add, Duration.ofMinutes(1)).write("tick 1/1", () -> {
            attempts[0]++;
            throw timedOut;
        })).as("a fenced writer is not retried").isSameAs(timedOut);
        assertThat(attempts[0]).isEqualTo(2);
        assertThat(lines).isEmpty();
    }
}
