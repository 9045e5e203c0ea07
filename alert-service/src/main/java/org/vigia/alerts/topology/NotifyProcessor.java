package org.vigia.alerts.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.alerts.AlertMetrics;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationLog;
import org.vigia.alerts.pipeline.AlertPipeline;
import org.vigia.alerts.pipeline.Outbox;
import org.vigia.events.Json;

/**
 * The subscriber side, one instance per task (a partition of the subscribers): takes in the
 * routed alerts as pending notifications, and on a wall-clock punctuation runs the send side
 * of the pipeline for its subscribers. Its delivery log is a changelogged store, so the
 * pending notifications, what was sent, and the offsets that produced them commit together in
 * one exactly-once transaction, and move together when Kafka reassigns the partition. An
 * instance that lost the partition has had its task closed: it neither sends nor commits for it.
 */
final class NotifyProcessor implements Processor<String, Routed, byte[], byte[]> {
    private static final Logger log = LoggerFactory.getLogger(NotifyProcessor.class);

    private final AlertPipeline pipeline;
    private final AlertMetrics metrics;
    private final DispatchStatus status;
    private final Clock clock;
    private final Duration tick;
    private ProcessorContext<byte[], byte[]> context;
    private Outbox outbox;
    private TaskId task;
    private Cancellable punctuation;

    NotifyProcessor(AlertPipeline pipeline, AlertMetrics metrics, DispatchStatus status, Clock clock, Duration tick) {
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.status = status;
        this.clock = clock;
        this.tick = tick;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.task = context.taskId();
        KeyValueStore<String, Notification> store = context.getStateStore(AlertTopology.NOTIFICATIONS);
        NotificationLog notifications = new NotificationLog(n -> store.put(n.key(), n));
        try (KeyValueIterator<String, Notification> all = store.all()) {
            all.forEachRemaining(kv -> notifications.load(kv.value));
        }
        outbox = pipeline.outbox(notifications);
        log.info("task {}: {} notification(s) in the delivery log, {} pending", task, notifications.size(),
                notifications.pending().size());
        status.started(task, notifications);
        punctuation = context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, ignored -> dispatch());
    }

    @Override
    public void process(Record<String, Routed> record) {
        Routed routed = record.value();
        try {
            pipeline.accept(record.key(), routed.alert(), Instant.ofEpochMilli(routed.alertTimestamp()), outbox, clock.instant());
        } catch (RuntimeException e) {
            log.error("task {}: cannot take in alert {} for {}: set aside", task, routed.alert().alertId(), record.key(), e);
            setAside(record.key(), routed, "dedupe", e);
        }
        status.accepted();
    }

    private void dispatch() {
        Instant now = clock.instant();
        AlertPipeline.Pass pass = pipeline.dispatch(outbox, now, (group, e) -> group.forEach(n ->
                setAside(n.subscriber(), new Routed(n.alert(), n.alertTimestamp() == null ? -1 : n.alertTimestamp().toEpochMilli()),
                        "send", e)));
        if (pass.changed()) {
            // What the SMTP server accepted is recorded in this transaction; ask for it to commit now.
            context.commit();
        }
        status.passed(task, now, outbox.log());
    }

    private void setAside(String subscriber, Routed routed, String stage, RuntimeException e) {
        DeadLetter letter = DeadLetter.of(subscriber, Json.write(routed.alert()), stage, DeadLetter.reasonOf(e), e,
                new DeadLetter.Origin(AlertTopology.BY_SUBSCRIBER, -1, -1, routed.alertTimestamp()));
        context.forward(new Record<>(letter.key(), letter.value(), System.currentTimeMillis(), letter.headers()));
        metrics.deadLettered(stage);
        status.deadLettered(stage, e);
    }

    @Override
    public void close() {
        if (punctuation != null) {
            punctuation.cancel();
        }
        status.stopped(task);
    }
}
