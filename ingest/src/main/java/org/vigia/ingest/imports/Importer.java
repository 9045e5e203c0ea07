package org.vigia.ingest.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Topics;
import org.vigia.ingest.kafka.Records;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.ingest.registry.RegistryView;
import org.vigia.ingest.replay.DatasetException;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.TopicCreator;

/**
 * Writes an imported registry or progress history: the whole file in one Kafka
 * transaction, so a failure leaves nothing behind. Registry records are stamped with the
 * import time (the moment the registry changed); progress records with their reportedAt.
 */
public final class Importer {
    private Importer() {
    }

    public static int writeRegistry(KafkaSettings kafka, String instanceId, List<Commitment> commitments, Instant now) {
        Topics topics = kafka.topics();
        TopicCreator.ensure(kafka, List.of(topics.commitments));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        commitments.forEach(c -> records.add(Records.record(topics.commitments, c.id(), c, now)));
        try (TransactionalWriter writer = new TransactionalWriter(kafka, instanceId, "import")) {
            writer.write(records);
        }
        return records.size();
    }

    /** Checks every update against the registry on Kafka first; writes nothing if one names an unknown commitment. */
    public static int writeProgress(KafkaSettings kafka, String instanceId, List<ProgressUpdate> updates) {
        Topics topics = kafka.topics();
        TopicCreator.ensure(kafka, List.of(topics.commitments, topics.progress));
        List<String> problems = new ArrayList<>();
        try (RegistryView registry = new RegistryView(kafka)) {
            registry.start(Duration.ofSeconds(120));
            for (ProgressUpdate u : updates) {
                Commitment c = registry.get(u.commitmentId()).orElse(null);
                if (c == null) {
                    problems.add("update " + u.updateId() + ": commitmentId: must name a commitment in the registry ("
                            + u.commitmentId() + " is unknown)");
                } else if (u.milestoneId() != null && c.milestones().stream().map(Milestone::id).noneMatch(u.milestoneId()::equals)) {
                    problems.add("update " + u.updateId() + ": milestoneId: must be a milestone of " + c.id() + " ("
                            + u.milestoneId() + " is not one)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        updates.forEach(u -> records.add(Records.record(topics.progress, u.commitmentId(), u, u.reportedAt())));
        try (TransactionalWriter writer = new TransactionalWriter(kafka, instanceId, "import")) {
            writer.write(records);
        }
        return records.size();
    }
}
