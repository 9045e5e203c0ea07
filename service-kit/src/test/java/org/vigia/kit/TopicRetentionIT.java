package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigia.events.Topic;
import org.vigia.events.Topics;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The topics keep what they are given: records dated 2014 on every topic, created as the
 * services create them, are still there after several retention checks of a broker that
 * checks twice a second and has a stock broker's retention (7 days; the embedded broker's own
 * default keeps records whatever their age) — under which a control topic's 2014 record is
 * gone at each check.
 */
class TopicRetentionIT {
    static final Instant IN_2014 = Instant.parse("2014-09-27T10:00:00Z");
    static EmbeddedKafkaBroker broker;
    static Admin admin;

    @BeforeAll
    static void brokerThatChecksRetentionTwiceASecond() throws Exception {
        broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("vigia-retention-"), 0,
                Map.of("log.retention.check.interval.ms", "500", "log.initial.task.delay.ms", "500",
                        "log.retention.ms", String.valueOf(Duration.ofDays(7).toMillis())), true);
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static KafkaSettings settings(String prefix) {
        return KafkaSettings.from(new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "VIGIA_TOPIC_PREFIX", prefix, "VIGIA_PARTITIONS", "2")));
    }

    static void produce(String topic, Instant timestamp) throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"));
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int partition = 0; partition < 2; partition++) {
                p.send(new ProducerRecord<>(topic, partition, timestamp.toEpochMilli(), "k".getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    static long earliest(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> spec = Map.of(new TopicPartition(topic, 0), OffsetSpec.earliest(),
                new TopicPartition(topic, 1), OffsetSpec.earliest());
        return admin.listOffsets(spec).all().get(30, TimeUnit.SECONDS).values().stream()
                .mapToLong(i -> i.offset()).sum();
    }

    static long latest(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> spec = Map.of(new TopicPartition(topic, 0), OffsetSpec.latest(),
                new TopicPartition(topic, 1), OffsetSpec.latest());
        return admin.listOffsets(spec).all().get(30, TimeUnit.SECONDS).values().stream()
                .mapToLong(i -> i.offset()).sum();
    }

    static String config(String topic, String key) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r).get(key).value();
    }

    @Test
    void recordsDatedInThePastOnEveryTopicSurviveSeveralRetentionChecks() throws Exception {
        KafkaSettings kafka = settings("retention.");
        TopicCreator.ensure(kafka, kafka.topics().all());
        String control = "retention.control-with-broker-defaults";
        admin.createTopics(List.of(new NewTopic(control, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        for (Topic<?, ?> t : kafka.topics().all()) {
            produce(t.name(), IN_2014);
        }

        for (int check = 1; check <= 3; check++) {
            long before = latest(control);
            produce(control, IN_2014);
            await("retention check " + check + " deletes the control topic's 2014 records").atMost(Duration.ofSeconds(60))
                    .until(() -> earliest(control) >= before + 2);
        }

        for (Topic<?, ?> t : kafka.topics().all()) {
            assertThat(earliest(t.name())).as(t.name() + ": nothing deleted").isZero();
            assertThat(latest(t.name())).as(t.name() + ": both records still there").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyTopicIsCreatedWithItsDeclaredRetentionAndMinInsyncReplicas() throws Exception {
        KafkaSettings kafka = settings("declared.");
        Topics topics = kafka.topics();
        TopicCreator.ensure(kafka, topics.all());

        for (Topic<?, ?> t : List.of(topics.progress, topics.news, topics.alerts)) {
            assertThat(config(t.name(), "retention.ms")).as(t.name()).isEqualTo("-1");
            assertThat(config(t.name(), "retention.bytes")).as(t.name()).isEqualTo("-1");
        }
        assertThat(config(topics.clock.name(), "retention.ms")).isEqualTo("-1");
        assertThat(config(topics.clock.name(), "retention.bytes")).isEqualTo(String.valueOf(Topics.CLOCK_BYTES_PER_PARTITION));
        assertThat(config(topics.deadLetter.name(), "retention.bytes"))
                .isEqualTo(String.valueOf(Topics.DEAD_LETTER_BYTES_PER_PARTITION));
        assertThat(config(topics.commitments.name(), "cleanup.policy")).isEqualTo("compact");
        for (Topic<?, ?> t : topics.all()) {
            assertThat(config(t.name(), "min.insync.replicas")).as(t.name()).isEqualTo("1");
        }
    }

    @Test
    void anExistingTopicThatInheritsTheBrokersRetentionIsBroughtToTheDeclaredOneAndAnExplicitValueIsKept()
            throws Exception {
        KafkaSettings kafka = settings("existing.");
        Topics topics = kafka.topics();
        admin.createTopics(List.of(new NewTopic(topics.news.name(), 2, (short) 1),
                new NewTopic(topics.alerts.name(), 2, (short) 1).configs(Map.of("retention.ms", "86400000"))))
                .all().get(30, TimeUnit.SECONDS);
        await("both topics described").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> config(topics.alerts.name(), "retention.ms") != null && config(topics.news.name(), "retention.ms") != null);

        TopicCreator.ensure(kafka, List.of(topics.news, topics.alerts));

        assertThat(config(topics.news.name(), "retention.ms")).isEqualTo("-1");
        assertThat(config(topics.news.name(), "min.insync.replicas")).isEqualTo("1");
        assertThat(config(topics.alerts.name(), "retention.ms")).as("set by an operator: kept").isEqualTo("86400000");
        assertThat(config(topics.alerts.name(), "retention.bytes")).isEqualTo("-1");
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topics.news.name());
        assertThat(admin.describeConfigs(List.of(r)).all().get().get(r).get("retention.ms").source())
                .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }
}
