package org.vigia.processor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vigia.events.Alert;
import org.vigia.events.Json;
import org.vigia.events.Tick;
import org.vigia.events.Topics;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;
import org.vigia.kit.Env;

/** Shared plumbing of the broker tests: settings, the transactional replay writer, reading alerts. */
final class BrokerSupport {
    static final int PARTITIONS = 4;

    private BrokerSupport() {
    }

    /** The shared broker, at Kafka's default transaction protocol (transaction.version=2). */
    static String bootstrap() {
        return EmbeddedKafkaBroker.shared().bootstrapServers();
    }

    static Env env(String prefix, String applicationId) {
        try {
            Path state = Files.createTempDirectory("vigia-state-");
            Map<String, String> vars = new HashMap<>();
            vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap());
            vars.put("VIGIA_TOPIC_PREFIX", prefix);
            vars.put("VIGIA_PARTITIONS", String.valueOf(PARTITIONS));
            vars.put("VIGIA_HTTP_HOST", "127.0.0.1");
            vars.put("VIGIA_HTTP_PORT", "0");
            vars.put("VIGIA_APPLICATION_ID", applicationId);
            vars.put("VIGIA_STATE_DIR", state.toString());
            vars.put("VIGIA_GRACE", Dataset.GRACE.toDays() + "d"); // the steps are a week apart
            return new Env(vars);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String uniquePrefix() {
        return "test-" + UUID.randomUUID() + ".";
    }

    /** Writes each step's records and a tick to every clock partition in one transaction, as the replay does. */
    static void write(Topics topics, List<Dataset.Step> steps) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "replay-" + UUID.randomUUID());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            for (Dataset.Step step : steps) {
                producer.beginTransaction();
                for (Dataset.Event e : step.events()) {
                    producer.send(new ProducerRecord<>(topics.prefix + e.topic(), null, e.at().toEpochMilli(), e.key(),
                            Json.write(e.value())));
                }
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    producer.send(new ProducerRecord<>(topics.clock.name(), partition, step.tick().toEpochMilli(),
                            "tick-" + partition, Json.write(new Tick(step.tick()))));
                }
                producer.commitTransaction();
            }
        }
    }

    /** Every committed alert so far, per key in the order written. */
    static Map<String, List<Alert>> alertsByKey(Topics topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<Alert>> byKey = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topics.alerts.name()).forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(Json.read(r.value(), Alert.class));
                }
            }
        }
        return byKey;
    }

    static Map<String, List<Alert>> byKey(List<Alert> alerts) {
        Map<String, List<Alert>> byKey = new LinkedHashMap<>();
        alerts.forEach(a -> byKey.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));
        return byKey;
    }

    record Response(int status, String contentType, String body) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Response get(int port, String path, String accept) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", accept).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Response get(int port, String path) {
        return get(port, path, "application/json");
    }
}
