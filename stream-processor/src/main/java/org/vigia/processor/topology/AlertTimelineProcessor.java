package org.vigia.processor.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigia.events.Alert;

/** Appends each alert to its plan's bounded timeline, for the control panel. */
final class AlertTimelineProcessor implements Processor<String, Alert, Void, Void> {
    private KeyValueStore<String, AlertTimeline> timelines;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        timelines = context.getStateStore(StoreNames.ALERT_TIMELINE);
    }

    @Override
    public void process(Record<String, Alert> record) {
        AlertTimeline timeline = timelines.get(record.key());
        if (timeline == null) {
            timeline = new AlertTimeline();
        }
        timeline.add(record.value());
        timelines.put(record.key(), timeline);
    }
}
