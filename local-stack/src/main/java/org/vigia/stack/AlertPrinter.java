package org.vigia.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.vigia.events.Alert;
import org.vigia.events.JsonSerde;
import org.vigia.kit.KafkaSettings;

/** Prints each alert on {@code vigia.alerts} as it fires, one line each, for the demo console. */
final class AlertPrinter implements AutoCloseable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final KafkaConsumer<String, Alert> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Alert> seen = new CopyOnWriteArrayList<>();

    AlertPrinter(KafkaSettings kafka, PrintStream out) {
        consumer = new KafkaConsumer<>(kafka.clientProperties(Map.of(
                "group.id", "vigia-demo-console-" + System.nanoTime(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false",
                "isolation.level", "read_committed")),
                new StringDeserializer(), new JsonSerde<>(Alert.class).deserializer());
        consumer.subscribe(Set.of(kafka.topics().alerts.name()));
        thread = new Thread(() -> {
            try {
                while (running.get()) {
                    for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
                        seen.add(r.value());
                        out.println(line(r.value()));
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }, "demo-alert-printer");
        thread.setDaemon(true);
        thread.start();
    }

    static String line(Alert a) {
        String who = a.agency() + (a.title() == null ? "" : " · " + a.title());
        return String.format("  %s  %-17s %-8s %-8s %s — %s", DAY.format(a.raisedAt()), a.type(), a.status(),
                a.severity(), who, a.summary());
    }

    List<Alert> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
