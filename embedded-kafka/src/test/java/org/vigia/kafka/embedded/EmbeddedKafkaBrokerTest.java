package org.vigia.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @Test
    void sharedBrokerIsOnePerJvmAndCarriesTransactionalRecords() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.shared();
        assertThat(EmbeddedKafkaBroker.shared()).isSameAs(broker);

        String topic = "embedded-test.roundtrip";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "transactional.id", "embedded-test-tx"),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "group.id", "embedded-test",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            String seen = null;
            while (seen == null && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (var r : records) {
                    seen = r.value();
                }
            }
            assertThat(seen).isEqualTo("committed");
        }
    }

    @Test
    void runsKafkasDefaultTransactionProtocol() throws Exception {
        assertThat(transactionVersion(EmbeddedKafkaBroker.shared())).isEqualTo((short) 2);
    }

    @Test
    void upgradesAFolderPinnedToTheClassicTransactionProtocolBackToTheDefault(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
            admin.updateFeatures(Map.of("transaction.version", new FeatureUpdate((short) 1,
                    FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)), new UpdateFeaturesOptions()).all().get(30, TimeUnit.SECONDS);
            assertThat(transactionVersion(first)).as("pinned as an earlier version did").isEqualTo((short) 1);
        }
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            assertThat(transactionVersion(second)).isEqualTo((short) 2);
        }
    }

    @Test
    void hasNoTimeBasedRetentionByDefault() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", EmbeddedKafkaBroker.shared().bootstrapServers()))) {
            var broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            var config = admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker);
            assertThat(config.get("log.retention.ms").value()).isEqualTo("-1");
        }
    }

    private static short transactionVersion(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS)
                    .finalizedFeatures().get("transaction.version").maxVersionLevel();
        }
    }

    @Test
    void restartsOnItsOwnDataFolderKeepingTopics(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept");
        }
    }
}
