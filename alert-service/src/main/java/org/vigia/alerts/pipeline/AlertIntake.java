package org.vigia.alerts.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.alerts.AlertMetrics;
import org.vigia.alerts.log.Notification;
import org.vigia.alerts.log.NotificationJournal;
import org.vigia.alerts.subscription.SubscriptionRegistry;
import org.vigia.events.Alert;
import org.vigia.events.Json;
import org.vigia.events.ValidationException;

/**
 * The receive side of the pipeline: polls {@code vigia.alerts}, routes each alert, drops
 * duplicates, and writes every new notification to the log as PENDING. Offsets are committed
 * only after the broker acknowledged those writes, so an alert is either still uncommitted
 * (and will be read again) or durably owed to its subscribers — never lost in between. A
 * crash after the write and before the commit re-reads the alert, and the deduper finds the
 * pending notifications already there.
 */
public final class AlertIntake {
    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

    private final Consumer<String, byte[]> consumer;
    private final Clock clock;
    private final NotificationJournal journal;
    private final SubscriptionRegistry subscriptions;
    private final Router router;
    private final Deduper deduper;
    private final Grouper grouper;
    private final AlertMetrics metrics;
    private volatile long processed;

    public AlertIntake(Consumer<String, byte[]> consumer, Clock clock, NotificationJournal journal,
                       SubscriptionRegistry subscriptions, Router router, Deduper deduper, Grouper grouper, AlertMetrics metrics) {
        this.consumer = consumer;
        this.clock = clock;
        this.journal = journal;
        this.subscriptions = subscriptions;
        this.router = router;
        this.deduper = deduper;
        this.grouper = grouper;
        this.metrics = metrics;
    }

    /** Alert records routed and durably written, so tests can wait for the service to catch up. */
    public long processed() {
        return processed;
    }

    /**
     * One cycle. {@code alive} is checked before the commit: when the service is halted in the
     * middle of a batch, the batch is written but not committed, as in a real crash.
     */
    public void pollOnce(Duration timeout, BooleanSupplier alive) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        List<Future<RecordMetadata>> writes = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            writes.addAll(journal.write(accept(record)));
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        NotificationJournal.await(writes);
        processed += records.count();
        if (!offsets.isEmpty()) {
            if (!alive.getAsBoolean()) {
                return;
            }
            consumer.commitSync(offsets);
        }
    }

    private List<Notification> accept(ConsumerRecord<String, byte[]> record) {
        Alert alert;
        try {
            alert = Json.read(record.value(), Alert.class);
        } catch (ValidationException | IllegalArgumentException e) {
            metrics.failed("invalid_alert");
            log.error("skipping invalid alert at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return List.of();
        }
        metrics.received(alert.type());
        Instant now = clock.instant();
        Instant recordTime = Instant.ofEpochMilli(record.timestamp());
        List<Notification> fresh = new ArrayList<>();
        for (Router.Route route : router.route(alert, subscriptions.current(), journal.view())) {
            var s = route.subscription();
            Notification candidate = Notification.pending(s.id(), alert, route.kind(), 0, s.delivery(), now,
                    grouper.dueAt(s.delivery(), route.kind(), now), recordTime);
            if (deduper.isNew(candidate, journal.view())) {
                fresh.add(candidate);
            } else {
                metrics.suppressed("duplicate", 1);
            }
        }
        return fresh;
    }
}
