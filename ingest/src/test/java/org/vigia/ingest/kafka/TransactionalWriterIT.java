package org.vigia.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.ingest.KafkaTestSupport;
import org.vigia.kit.KafkaSettings;

/** Group commit on the real broker: queued batches share a transaction, and a failure of one fails no other. */
class TransactionalWriterIT {
    record Transaction(int batches, int records, TransactionalWriter.Outcome outcome) {
    }

    final List<Transaction> transactions = new CopyOnWriteArrayList<>();

    static ProducerRecord<byte[], byte[]> update(KafkaSettings kafka, String id, String note) {
        ProgressUpdate u = ProgressUpdates.irm().id(id).commitment("C1").percent(10.0)
                .at(Instant.parse("2014-02-01T00:00:00Z")).note(note).build();
        return Records.record(kafka.topics().progress, "C1", u, u.reportedAt());
    }

    static List<String> committedIds(KafkaSettings kafka) {
        return KafkaTestSupport.readCommitted(kafka, kafka.topics().progress).stream().map(r -> r.value().updateId()).toList();
    }

    TransactionalWriter writer(KafkaSettings kafka, Duration linger) {
        return new TransactionalWriter(kafka, "test", "group", 1, 10_000, linger,
                (batches, records, outcome) -> transactions.add(new Transaction(batches, records, outcome)));
    }

    static void createProgressTopicRefusingLargeRecords(KafkaSettings kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(kafka.topics().progress.name(), 3, (short) 1)
                    .configs(Map.of("max.message.bytes", "1000")))).all().get();
        }
    }

    @Test
    void batchesQueuedTogetherAreWrittenInOneTransactionAndEachCallerHearsAfterTheCommit() throws Exception {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        createProgressTopicRefusingLargeRecords(kafka);
        try (TransactionalWriter writer = writer(kafka, Duration.ofMillis(500))) {
            List<CompletableFuture<Void>> done = IntStream.range(0, 5)
                    .mapToObj(i -> writer.submit(List.of(update(kafka, "g" + i + "a", null), update(kafka, "g" + i + "b", null))))
                    .toList();

            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();

            assertThat(transactions).containsExactly(new Transaction(5, 10, TransactionalWriter.Outcome.COMMITTED));
        }
        assertThat(committedIds(kafka)).hasSize(10);
    }

    @Test
    void aBatchLearnsWhereItsRecordsLandedAndItsFollowersAreWrittenAfterThemInItsTransaction() throws Exception {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        createProgressTopicRefusingLargeRecords(kafka);
        Map<TopicPartition, Long> landed;
        try (TransactionalWriter writer = writer(kafka, Duration.ZERO)) {
            landed = writer.write(List.of(update(kafka, "a", null), update(kafka, "b", null), update(kafka, "c", null)),
                    last -> List.of(update(kafka, "follower", "after " + last.values())));
            assertThat(transactions).containsExactly(new Transaction(1, 4, TransactionalWriter.Outcome.COMMITTED));
        }
        List<KafkaTestSupport.Read<ProgressUpdate>> read = KafkaTestSupport.readCommitted(kafka, kafka.topics().progress);
        long lastOfBatch = read.stream().filter(r -> !r.value().updateId().equals("follower"))
                .mapToLong(KafkaTestSupport.Read::offset).max().orElseThrow();
        KafkaTestSupport.Read<ProgressUpdate> follower = read.stream()
                .filter(r -> r.value().updateId().equals("follower")).findFirst().orElseThrow();
        assertThat(landed).containsExactly(Map.entry(new TopicPartition(kafka.topics().progress.name(),
                follower.partition()), lastOfBatch));
        assertThat(follower.value().note()).isEqualTo("after [" + lastOfBatch + "]");
        assertThat(follower.offset()).isGreaterThan(lastOfBatch);
    }

    @Test
    void aFollowerTheBrokerRefusesFailsItsWholeBatch() throws Exception {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        createProgressTopicRefusingLargeRecords(kafka);
        try (TransactionalWriter writer = writer(kafka, Duration.ZERO)) {
            assertThatThrownBy(() -> writer.write(List.of(update(kafka, "a", null)),
                    last -> List.of(update(kafka, "too-large", "n".repeat(1500)))))
                    .isInstanceOf(TransactionalWriter.WriteFailedException.class);
        }
        assertThat(committedIds(kafka)).isEmpty();
    }

    @Test
    void aBatchTheBrokerRefusesFailsAloneAndTheOthersOfItsGroupAreWrittenOnTheirOwn() throws Exception {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        createProgressTopicRefusingLargeRecords(kafka);
        try (TransactionalWriter writer = writer(kafka, Duration.ofMillis(500))) {
            CompletableFuture<Void> first = writer.submit(List.of(update(kafka, "first", null)));
            CompletableFuture<Void> bad = writer.submit(List.of(update(kafka, "bad-small", null),
                    update(kafka, "bad-large", "n".repeat(1500))));
            CompletableFuture<Void> last = writer.submit(List.of(update(kafka, "last", null)));

            first.get();
            last.get();
            assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(TransactionalWriter.WriteFailedException.class);
            assertThat(transactions).extracting(Transaction::batches, Transaction::outcome).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(3, TransactionalWriter.Outcome.FAILED),
                    org.assertj.core.groups.Tuple.tuple(1, TransactionalWriter.Outcome.COMMITTED),
                    org.assertj.core.groups.Tuple.tuple(1, TransactionalWriter.Outcome.FAILED),
                    org.assertj.core.groups.Tuple.tuple(1, TransactionalWriter.Outcome.COMMITTED));
        }
        assertThat(committedIds(kafka)).containsExactlyInAnyOrder("first", "last");
    }

    @Test
    void whatACallerDoesWithItsAnswerDoesNotHoldUpTheNextTransaction() throws Exception {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        createProgressTopicRefusingLargeRecords(kafka);
        try (TransactionalWriter writer = writer(kafka, Duration.ZERO)) {
            // One producer: were the first caller answered on its thread, the second batch could not be committed
            // until the first caller's continuation returned, and that continuation waits for the second batch.
            CompletableFuture<Boolean> secondCommittedMeanwhile = writer.submit(List.of(update(kafka, "answer-1", null)))
                    .thenApply(done -> {
                        try {
                            writer.submit(List.of(update(kafka, "answer-2", null))).get(30, TimeUnit.SECONDS);
                            return true;
                        } catch (Exception e) {
                            return false;
                        }
                    });

            assertThat(secondCommittedMeanwhile.get(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committedIds(kafka)).containsExactly("answer-1", "answer-2");
    }

    @Test
    void theTransactionalIdsAreStablePerInstanceAndRole() {
        KafkaSettings kafka = KafkaTestSupport.kafka();
        try (TransactionalWriter writer = new TransactionalWriter(kafka, "ingest-7", "api", 2, 100, Duration.ZERO,
                TransactionalWriter.CommitListener.NONE)) {
            assertThat(writer.transactionalId(0)).isEqualTo(kafka.topics().prefix + "ingest-ingest-7-api-0");
            assertThat(writer.transactionalId(1)).isEqualTo(kafka.topics().prefix + "ingest-ingest-7-api-1");
        }
    }
}
