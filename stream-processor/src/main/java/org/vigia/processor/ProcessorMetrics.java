package org.vigia.processor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.vigia.events.Alert;
import org.vigia.processor.errors.DeadLetterListener;
import org.vigia.processor.query.RollupView;
import org.vigia.processor.topology.TopologyObserver;

/** The stream-processor's own meters; the topology reports through {@link TopologyObserver}. */
final class ProcessorMetrics implements TopologyObserver, DeadLetterListener {
    /** Latency is only meaningful for live updates; replayed history would be years "late". */
    private static final long MAX_LATENCY_MS = Duration.ofHours(1).toMillis();

    private final MeterRegistry registry;
    private final Counter ticks;
    private final AtomicLong streamTime = new AtomicLong();
    private final Timer latency;
    private final Timer dueTime;
    private final Counter dueWoken;
    private final MultiGauge commitments;
    private final MultiGauge sectorCompletion;
    private final MultiGauge agencyCompletion;

    ProcessorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ticks = Counter.builder("vigia.processor.clock.ticks").description("clock ticks processed").register(registry);
        registry.gauge("vigia.processor.stream.time", streamTime, AtomicLong::doubleValue);
        this.latency = Timer.builder("vigia.update.to.status.latency")
                .description("from a progress update's record timestamp to its status being written")
                .publishPercentileHistogram().register(registry);
        this.dueTime = Timer.builder("vigia.processor.due.judgement")
                .description("processing time of judging what came due when the watermark moved").register(registry);
        this.dueWoken = Counter.builder("vigia.processor.due.commitments")
                .description("commitments judged because one of their deadlines came due").register(registry);
        this.commitments = MultiGauge.builder("vigia.commitments").description("commitments by plan, sector and state")
                .register(registry);
        this.sectorCompletion = MultiGauge.builder("vigia.sector.completion").description("mean completion percent")
                .register(registry);
        this.agencyCompletion = MultiGauge.builder("vigia.agency.completion").description("mean completion percent")
                .register(registry);
    }

    @Override
    public void tick(long streamTimeMillis) {
        ticks.increment();
        streamTime.accumulateAndGet(streamTimeMillis / 1000, Math::max);
    }

    @Override
    public void dueJudged(int woken, long nanos) {
        dueTime.record(Duration.ofNanos(nanos));
        dueWoken.increment(woken);
    }

    @Override
    public void late(String input) {
        registry.counter("vigia.processor.late.records", "input", input).increment();
    }

    @Override
    public void tickHeld() {
        registry.counter("vigia.processor.ticks.held").increment();
    }

    @Override
    public void recordHeld() {
        registry.counter("vigia.processor.records.held").increment();
    }

    @Override
    public void duplicate() {
        registry.counter("vigia.processor.duplicate.updates").increment();
    }

    @Override
    public void alert(Alert alert) {
        registry.counter("vigia.alerts.raised", "type", alert.type().name(), "status", alert.status().name()).increment();
    }

    @Override
    public void statusAfterUpdate(long updateRecordTimestamp) {
        long ms = System.currentTimeMillis() - updateRecordTimestamp;
        if (ms >= 0 && ms <= MAX_LATENCY_MS) {
            latency.record(Duration.ofMillis(ms));
        }
    }

    @Override
    public void deadLettered(String reason) {
        registry.counter("vigia.processor.dead.letters", "reason", reason).increment();
    }

    /** Replaces the roll-up gauges with what this instance's stores hold now. */
    void refresh(List<RollupView> sectors, List<RollupView> agencies) {
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        List<MultiGauge.Row<?>> sectorRows = new ArrayList<>();
        for (RollupView r : sectors) {
            Tags tags = Tags.of("plan", r.planId(), "sector", r.sector());
            sectorRows.add(MultiGauge.Row.of(tags, r.meanCompletion()));
            r.states().forEach((state, n) -> states.add(MultiGauge.Row.of(tags.and("state", state), n)));
        }
        commitments.register(states, true);
        sectorCompletion.register(sectorRows, true);
        agencyCompletion.register(agencies.stream()
                .<MultiGauge.Row<?>>map(r -> MultiGauge.Row.of(Tags.of("plan", r.planId(), "agency", r.agency()),
                        r.meanCompletion()))
                .toList(), true);
    }
}
