package org.vigia.reliability.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.ingest.kafka.Records;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.ingest.kafka.TransactionalWriter.CommitListener;
import org.vigia.ingest.kafka.TransactionalWriter.Outcome;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.reliability.kafka.TopicSnapshot;
import org.vigia.reliability.process.BrokerProcess;
import org.vigia.reliability.scenario.RunContext;

/**
 * The broker stalls while ingest's transactional writer is committing: the broker's process is
 * frozen ({@code kill -STOP}) for 6 s and thawed, while a writer whose producer gives up waiting
 * after {@code max.block.ms} = 1.5 s commits one batch after another, as the replay does. A
 * commit that has not finished by then is waited for again (Kafka allows calling
 * {@code commitTransaction} again after its timeout, and nothing else), so no batch is answered
 * "may or may not have been written" — which stopped a replay — and every batch is in the topic
 * exactly once.
 */
class CommitStallIT {
    private static final Duration STALL = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    @Test
    void aCommitTheBrokerStallsIsWaitedForAndEveryBatchIsWrittenExactlyOnce() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir.resolve("broker/data"), dir.resolve("broker/broker.log"))) {
            KafkaSettings kafka = KafkaSettings.from(new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "VIGIA_TOPIC_PREFIX", "stall-" + UUID.randomUUID() + ".", "KAFKA_MAX_BLOCK_MS", "1500")));
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                admin.createTopics(List.of(new NewTopic(kafka.topics().progress.name(), 3, (short) 1))).all().get();
            }
            List<Outcome> outcomes = new CopyOnWriteArrayList<>();
            AtomicInteger waits = new AtomicInteger();
            CommitListener listener = new CommitListener() {
                @Override
                public void committed(int batches, int records, Outcome outcome) {
                    outcomes.add(outcome);
                }

                @Override
                public void commitWaitedAgain() {
                    waits.incrementAndGet();
                }
            };
            List<String> written = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            try (TransactionalWriter writer = new TransactionalWriter(kafka, "stall", "replay", 1, Integer.MAX_VALUE,
                    Duration.ZERO, listener)) {
                Thread freezer = new Thread(() -> {
                    RunContext.pause(Duration.ofSeconds(2));
                    broker.process().pause();
                    RunContext.pause(STALL);
                    broker.process().resume();
                }, "broker-freezer");
                long until = System.nanoTime() + Duration.ofSeconds(14).toNanos();
                freezer.start();
                for (int i = 0; System.nanoTime() < until || freezer.isAlive(); i++) {
                    String id = "stall-" + i;
                    try {
                        writer.submit(List.of(Records.record(kafka.topics().progress, "C" + (i % 7), update(id),
                                Instant.parse("2014-02-01T00:00:00Z")))).get();
                        written.add(id);
                    } catch (ExecutionException e) {
                        failures.add(e.getCause());
                    }
                }
                freezer.join();
            }
            System.out.printf("CommitStallIT: %d batches written, %d commits waited for again, %d failures%n",
                    written.size(), waits.get(), failures.size());
            assertThat(failures).as("no batch failed or was answered 'may or may not have been written'").isEmpty();
            assertThat(outcomes).as("every transaction committed").containsOnly(Outcome.COMMITTED);
            assertThat(waits.get()).as("a commit outlived max.block.ms while the broker was frozen").isPositive();
            assertThat(committedIds(kafka, broker.bootstrapServers(), written.size())).as("every batch once in the topic").containsExactlyInAnyOrderElementsOf(written);
        }
    }

    private static ProgressUpdate update(String id) {
        return ProgressUpdates.irm().id(id).commitment("C1").percent(10.0).at(Instant.parse("2014-02-01T00:00:00Z")).build();
    }

    /**
     * The update ids a read_committed consumer sees. Read again until every written batch shows:
     * for a moment after {@code commitTransaction} returns, the last stable offset can still stand
     * before the transaction just committed (its markers are written after the acknowledgement).
     */
    private static List<String> committedIds(KafkaSettings kafka, String bootstrap, int atLeast) {
        String topic = kafka.topics().progress.name();
        List<String> ids = new ArrayList<>();
        await("the committed batches to be readable").atMost(Duration.ofSeconds(30)).until(() -> {
            ids.clear();
            TopicSnapshot.forEach(bootstrap, topic, (tp, r) ->
                    ids.add(kafka.topics().progress.valueSerde().deserializer().deserialize(topic, r.value()).updateId()));
            return ids.size() >= atLeast;
        });
        return ids;
    }
}
