package org.vigia.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.vigia.events.Alert;
import org.vigia.events.JsonSerde;

/** Reads an alerts topic from the start, read-committed, until nothing new came for a while. */
public final class AlertsUntilQuiet {
    private AlertsUntilQuiet() {
    }

    /**
     * Every committed alert on {@code topic}, read with {@code clientProperties} (bootstrap and
     * security) by a fresh group, once none has arrived for {@code quiet} or {@code atMost} passed.
     */
    public static List<Alert> read(Map<String, Object> clientProperties, String topic, Duration quiet, Duration atMost) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.putAll(Map.of("group.id", topic + "-reader-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed", "enable.auto.commit", "false"));
        List<Alert> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new JsonSerde<>(Alert.class).deserializer())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + atMost.toNanos();
            while (System.nanoTime() < deadline) {
                boolean any = false;
                for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.value());
                    any = true;
                }
                if (any) {
                    quietSince = System.nanoTime();
                } else if (!seen.isEmpty() && System.nanoTime() - quietSince > quiet.toNanos()) {
                    break;
                }
            }
        }
        return seen;
    }
}
