package org.vigia.processor.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigia.events.Alert;
import org.vigia.events.NewsSignal;

/**
 * Keeps the news heat of the agencies of its task (news is keyed by agency) and re-judges it
 * on every tick, so a spike also resolves on time. Its "now" is its own event time, like the
 * judge's: the largest timestamp of the ticks, news and membership changes it has read.
 */
final class HeatProcessor implements Processor<String, Input, String, Emission> {
    private final NewsHeat heat;
    private final TopologyObserver observer;
    private ProcessorContext<String, Emission> context;
    private KeyValueStore<String, AgencyHeat> agencies;
    private EventClock clock;

    HeatProcessor(Thresholds thresholds, TopologyObserver observer) {
        this.heat = new NewsHeat(thresholds);
        this.observer = observer;
    }

    @Override
    public void init(ProcessorContext<String, Emission> context) {
        this.context = context;
        this.agencies = context.getStateStore(StoreNames.AGENCY_HEAT);
        this.clock = new EventClock(context.getStateStore(StoreNames.HEAT_CLOCK));
    }

    @Override
    public void process(Record<String, Input> record) {
        Input in = record.value();
        switch (in.kind()) {
            case TICK -> tick(advance(Math.max(record.timestamp(), in.tick().at().toEpochMilli())));
            case NEWS -> news(record.key(), in.news(), record.timestamp());
            case MEMBERSHIP -> membership(record.key(), in.membership(), advance(record.timestamp()));
            default -> throw new IllegalStateException("the news heat does not read " + in.kind());
        }
    }

    private void news(String agency, NewsSignal news, long timestamp) {
        if (!news.agencies().contains(agency)) {
            throw new RejectedRecordException("news key '" + agency + "' is not one of its agencies " + news.agencies());
        }
        Instant now = advance(Math.max(timestamp, news.publishedAt().toEpochMilli()));
        AgencyHeat state = stateOf(agency);
        if (heat.add(state, news, now)) {
            emit(heat.evaluate(agency, state, now), now);
            agencies.put(agency, state);
        }
    }

    private void membership(String agency, Membership m, Instant now) {
        AgencyHeat state = stateOf(agency);
        if (m.unfinished() && !m.removed()) {
            state.unfinished.put(m.commitmentId(), m.planId());
        } else {
            state.unfinished.remove(m.commitmentId());
        }
        emit(heat.evaluate(agency, state, now), now);
        agencies.put(agency, state);
    }

    private void tick(Instant now) {
        List<KeyValue<String, AgencyHeat>> changed = new ArrayList<>();
        try (KeyValueIterator<String, AgencyHeat> all = agencies.all()) {
            while (all.hasNext()) {
                KeyValue<String, AgencyHeat> entry = all.next();
                Optional<Alert> alert = heat.evaluate(entry.key, entry.value, now);
                if (alert.isPresent()) {
                    emit(alert, now);
                    changed.add(entry);
                }
            }
        }
        changed.forEach(e -> agencies.put(e.key, e.value));
    }

    private void emit(Optional<Alert> alert, Instant now) {
        alert.ifPresent(a -> {
            context.forward(new Record<>(a.key(), Emission.alert(a), now.toEpochMilli()));
            observer.alert(a);
        });
    }

    private Instant advance(long timestamp) {
        return clock.advance(timestamp);
    }

    private AgencyHeat stateOf(String agency) {
        AgencyHeat state = agencies.get(agency);
        return state != null ? state : new AgencyHeat();
    }
}
