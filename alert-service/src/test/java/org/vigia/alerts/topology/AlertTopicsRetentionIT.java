package org.vigia.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Topic;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.TopicCreator;

/**
 * The alert service's topics keep records dated years in the past: created as the service creates
 * them, on a broker with a stock 7-day retention that checks twice a second, a 2014 record on each
 * (what Kafka Streams writes to the dead-letter topic carries the alert's own timestamp) is still
 * there after several checks, while a control topic's 2014 record is deleted at each.
 */
class AlertTopicsRetentionIT {
    private static final Instant IN_2014 = Instant.parse("2014-09-27T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void recordsDatedInThePastOnEveryAlertServiceTopicSurviveSeveralRetentionChecks() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0,
                Map.of("log.retention.check.interval.ms", "500", "log.initial.task.delay.ms", "500",
                        "log.retention.ms", String.valueOf(Duration.ofDays(7).toMillis())), true);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            KafkaSettings kafka = KafkaSettings.from(new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "VIGIA_TOPIC_PREFIX", "retention.", "VIGIA_PARTITIONS", "1")));
            List<Topic<?, ?>> topics = AlertTopics.of(kafka.topics()).toCreate();
            TopicCreator.ensure(kafka, topics);
            String control = "retention.control-with-broker-defaults";
            admin.createTopics(List.of(new NewTopic(control, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            for (Topic<?, ?> t : topics) {
                produce(broker, t.name());
            }

            for (int check = 1; check <= 3; check++) {
                long before = offset(admin, control, OffsetSpec.latest());
                produce(broker, control);
                await("retention check " + check + " deletes the control topic's 2014 record").atMost(Duration.ofSeconds(60))
                        .until(() -> offset(admin, control, OffsetSpec.earliest()) > before);
            }

            for (Topic<?, ?> t : topics) {
                assertThat(offset(admin, t.name(), OffsetSpec.earliest())).as(t.name() + ": nothing deleted").isZero();
                assertThat(offset(admin, t.name(), OffsetSpec.latest())).as(t.name() + ": the record still there").isEqualTo(1);
            }
        }
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic) throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"));
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(topic, 0, IN_2014.toEpochMilli(), "k".getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    private static long offset(Admin admin, String topic, OffsetSpec spec) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(partition, spec)).all().get(30, TimeUnit.SECONDS).get(partition).offset();
    }
}
