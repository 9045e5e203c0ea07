package org.vigia.alerts.topology;

import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.vigia.alerts.AlertMetrics;
import org.vigia.alerts.pipeline.AlertPipeline;
import org.vigia.events.Alert;
import org.vigia.events.Json;

/**
 * Reads each alert record and hands it, keyed by subscriber, to the route stage's
 * subscribers. An alert that cannot be read, or that the route stage cannot handle, is set
 * aside as a dead letter; the next record is read as if nothing had happened.
 */
final class RouteProcessor implements Processor<String, byte[], String, RouteOutput> {
    private final AlertPipeline pipeline;
    private final AlertMetrics metrics;
    private final DispatchStatus status;
    private ProcessorContext<String, RouteOutput> context;

    RouteProcessor(AlertPipeline pipeline, AlertMetrics metrics, DispatchStatus status) {
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.status = status;
    }

    @Override
    public void init(ProcessorContext<String, RouteOutput> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Alert alert;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("the alert record has no value");
            }
            alert = Json.read(record.value(), Alert.class);
        } catch (RuntimeException e) {
            setAside(record, "decode", "invalid_alert", e);
            return;
        }
        List<String> subscribers;
        try {
            subscribers = pipeline.route(alert);
        } catch (RuntimeException e) {
            setAside(record, "route", DeadLetter.reasonOf(e), e);
            return;
        }
        for (String subscriber : subscribers) {
            context.forward(new Record<>(subscriber, new Routed(alert, record.timestamp()), record.timestamp()));
        }
        status.routed(subscribers.size());
    }

    private void setAside(Record<String, byte[]> record, String stage, String reason, RuntimeException e) {
        DeadLetter.Origin origin = context.recordMetadata()
                .map((RecordMetadata m) -> new DeadLetter.Origin(m.topic(), m.partition(), m.offset(), record.timestamp()))
                .orElse(null);
        DeadLetter letter = DeadLetter.of(record.key(), record.value(), stage, reason, e, origin);
        context.forward(new Record<String, RouteOutput>(record.key(), letter, System.currentTimeMillis(), letter.headers()));
        metrics.deadLettered(stage);
        status.deadLettered(stage, e);
        status.routed(0);
    }
}
