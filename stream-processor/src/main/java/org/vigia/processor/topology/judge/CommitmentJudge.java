package org.vigia.processor.topology.judge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.vigia.events.Alert;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Tick;
import org.vigia.processor.topology.AlertLog;
import org.vigia.processor.topology.StoreNames;
import org.vigia.processor.topology.TopologySettings;
import org.vigia.processor.topology.TopologyObserver;
import org.vigia.processor.topology.heat.HeatInput;

/**
 * The judge's Kafka Streams shell: reads a task's registry entries, reports and clock ticks,
 * keeps the stores, and lets {@link CommitmentTimeline} decide what each record means.
 *
 * <p>Time: the task's stream time is the largest record timestamp it has read (ticks, reports,
 * registry changes), kept in {@code judge-clock}. Its watermark is stream time minus the grace;
 * every commitment whose next deadline is at or before the watermark is judged up to it — found
 * through the {@code due-index} store (deadline, commitment), so a tick costs what is due, not
 * what is registered. On every tick the watermark is also sent to the news heat.
 */
public final class CommitmentJudge implements Processor<String, Object, String, Object> {
    private static final String NOW = "now";
    private static final long UNKNOWN = Long.MIN_VALUE;
    private static final long DAY = 86_400_000L;

    private final CommitmentTimeline timeline;
    private final long grace;
    private final boolean dueIndex;
    private final TopologyObserver observer;
    private final Duration rollupFlush;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Commitment> registry;
    private KeyValueStore<String, Ledger> ledgers;
    private KeyValueStore<Bytes, HistoryEntry> reports;
    private DueIndex due;
    private KeyValueStore<String, Long> clock;
    private WindowStore<String, SeriesPoint> series;
    private WindowStore<String, Alert> commitmentAlerts;
    private AlertLog alertLog;
    private PendingRollups pendingRollups;
    private JudgeInputs inputs;
    private final InputGate.Apply apply = new Applier();
    private long streamTime = UNKNOWN;
    private long judgedUpTo = UNKNOWN;
    private long watermarkSent = UNKNOWN;

    public CommitmentJudge(TopologySettings settings) {
        this.timeline = new CommitmentTimeline(settings.thresholds());
        this.grace = settings.grace().toMillis();
        this.dueIndex = settings.dueIndex();
        this.observer = settings.observer();
        this.rollupFlush = settings.rollupFlush();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        registry = context.getStateStore(StoreNames.REGISTRY);
        ledgers = context.getStateStore(StoreNames.LEDGER);
        reports = context.getStateStore(StoreNames.REPORTS);
        due = new DueIndex(context.getStateStore(StoreNames.DUE_INDEX));
        clock = context.getStateStore(StoreNames.JUDGE_CLOCK);
        series = context.getStateStore(StoreNames.SERIES);
        commitmentAlerts = context.getStateStore(StoreNames.COMMITMENT_ALERTS);
        alertLog = new AlertLog(context.getStateStore(StoreNames.ALERT_LOG));
        pendingRollups = new PendingRollups(context.getStateStore(StoreNames.ROLLUP_PENDING));
        context.schedule(rollupFlush, PunctuationType.WALL_CLOCK_TIME, now -> pendingRollups.flush((key, sum) ->
                context.forward(new Record<>(key, sum, sum.asOf), JudgeOutput.TO_ROLLUP)));
        inputs = new JudgeInputs(new InputGate(clock, context.getStateStore(StoreNames.HELD_TICKS),
                context.getStateStore(StoreNames.HELD_RECORDS), observer::tickHeld, observer::recordHeld));
        Long now = clock.get(NOW);
        streamTime = now == null ? UNKNOWN : now;
        LateRecordLog.starts(context, streamTime);
        // A task revived after an aborted transaction is initialised again on the same object: what
        // it had judged and announced belongs to the state that was rolled back.
        judgedUpTo = UNKNOWN;
        watermarkSent = UNKNOWN;
    }

    @Override
    public void process(Record<String, Object> record) {
        inputs.read(record, context.recordMetadata().map(m -> m.offset()).orElse(-1L), apply);
    }

    /** What the gate lets through, in the order it was written. */
    private final class Applier implements InputGate.Apply {
        @Override
        public void tick(Tick tick) {
            applyTick(tick);
        }

        @Override
        public void progress(String key, ProgressUpdate update, long timestamp) {
            CommitmentJudge.this.progress(key, update, timestamp);
            advanceClock(timestamp);
            judgeDue();
        }

        @Override
        public void registry(String key, Object value, long timestamp) {
            if (value instanceof Commitment c) {
                registryChange(key, c, timestamp);
            } else {
                withdraw(key, timestamp);
            }
            advanceClock(timestamp);
            judgeDue();
        }
    }

    private void applyTick(Tick tick) {
        advanceClock(tick.at().toEpochMilli());
        observer.tick(streamTime);
        judgeDue();
        sendWatermark();
    }

    private long watermark() {
        return streamTime == UNKNOWN ? UNKNOWN : streamTime - grace;
    }

    private void advanceClock(long ts) {
        if (streamTime == UNKNOWN || ts > streamTime) {
            streamTime = ts;
            clock.put(NOW, ts);
        }
    }

    private void progress(String key, ProgressUpdate u, long recordTimestamp) {
        Bytes id = HistoryEntry.keyOf(u);
        if (reports.get(id) != null) {
            observer.duplicate(); // idempotency: the same (commitment, reporter, updateId) again, whatever its body
            return;
        }
        if (u.reportedAt().toEpochMilli() < watermark()) {
            observer.late("progress");
            LateRecordLog.late(context, "progress", key, u.reportedAt().toEpochMilli(), watermark(), streamTime);
        }
        Commitment c = registry.get(key);
        Ledger l = ledgerOf(key);
        String remark = timeline.report(c, l, u, new Output(key, l, recordTimestamp));
        reports.put(id, HistoryEntry.of(u, remark));
        save(key, c, l);
    }

    private void registryChange(String key, Commitment c, long t) {
        if (t < watermark()) {
            observer.late("registry");
            LateRecordLog.late(context, "registry", key, t, watermark(), streamTime);
        }
        Commitment before = registry.get(key);
        Ledger l = ledgerOf(key);
        timeline.registry(before, c, l, t, new Output(key, l, -1));
        registry.put(key, c);
        save(key, c, l);
    }

    private void withdraw(String key, long t) {
        Commitment before = registry.get(key);
        Ledger l = ledgers.get(key);
        if (before != null && l != null) {
            timeline.withdraw(before, l, t, new Output(key, l, -1));
        }
        registry.delete(key);
        ledgers.delete(key); // any due-index entry left behind finds nothing and is dropped
    }

    /** Writes the ledger and makes sure the due index wakes the commitment up by its next deadline. */
    private void save(String key, Commitment c, Ledger l) {
        long w = watermark();
        long next = timeline.nextDeadline(c, l);
        while (next != Ledger.NONE && w != UNKNOWN && next <= w) {
            timeline.advanceTo(c, l, w, new Output(key, l, -1)); // a late record left it behind the watermark
            next = timeline.nextDeadline(c, l);
        }
        if (dueIndex && next != Ledger.NONE && (l.wakeAt == Ledger.NONE || l.wakeAt > next || l.wakeAt <= w)) {
            due.add(next, key);
            l.wakeAt = next;
        }
        ledgers.put(key, l);
    }

    /** Judges every commitment whose next deadline is at or before the watermark. */
    private void judgeDue() {
        long w = watermark();
        if (w == UNKNOWN || (judgedUpTo != UNKNOWN && w <= judgedUpTo)) {
            return;
        }
        long started = System.nanoTime(); // for the tick-cost metric only: never decides anything
        int woken = 0;
        if (!dueIndex) {
            woken = scanAll(w);
        } else if (due.mayHaveDue(w)) {
            woken = due.popDue(judgedUpTo, w, (key, deadline) -> wake(key, deadline, w));
        }
        judgedUpTo = w;
        if (woken > 0) {
            observer.dueJudged(woken, System.nanoTime() - started);
        }
    }

    private int scanAll(long w) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Ledger> it = ledgers.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        for (String key : keys) {
            wake(key, Ledger.NONE, w);
        }
        return keys.size();
    }

    private void wake(String key, long entry, long w) {
        Commitment c = registry.get(key);
        Ledger l = ledgers.get(key);
        if (c == null || l == null) {
            return;
        }
        if (entry == l.wakeAt) {
            l.wakeAt = Ledger.NONE;
        }
        boolean changed = timeline.advanceTo(c, l, w, new Output(key, l, -1));
        if (changed || dueIndex) {
            save(key, c, l);
        }
    }

    private void sendWatermark() {
        long w = watermark();
        if (w != UNKNOWN && w > watermarkSent) {
            watermarkSent = w;
            context.forward(new Record<>(HeatInput.BROADCAST,
                    new HeatInput.Watermark(context.taskId().partition(), w), streamTime),
                    JudgeOutput.TO_HEAT);
        }
    }

    private Ledger ledgerOf(String key) {
        Ledger l = ledgers.get(key);
        return l != null ? l : new Ledger();
    }

    /** Publishes what one commitment's timeline says, to the topics and the query stores. */
    private final class Output implements CommitmentTimeline.Sink {
        private final String key;
        private final Ledger ledger;
        private final long updateTimestamp;

        Output(String key, Ledger ledger, long updateTimestamp) {
            this.key = key;
            this.ledger = ledger;
            this.updateTimestamp = updateTimestamp;
        }

        @Override
        public void alert(Alert alert) {
            long at = alert.raisedAt().toEpochMilli();
            context.forward(new Record<>(key, alert, at), JudgeOutput.TO_ALERTS);
            commitmentAlerts.put(key, alert, at);
            alertLog.append(alert);
            observer.alert(alert);
        }

        @Override
        public void status(Commitment regBefore, StatusFacts before, Commitment regAfter, StatusFacts after, long at) {
            context.forward(new Record<>(key, after == null ? null : after.toStatus(regAfter),
                    at), JudgeOutput.TO_STATUS);
            if (updateTimestamp >= 0) {
                observer.statusAfterUpdate(updateTimestamp);
            }
            if (after != null) {
                series.put(key, new SeriesPoint(after, ledger.episode(AlertType.STALLED) != null),
                        Math.floorDiv(at, DAY) * DAY);
            }
            Deltas.between(regBefore, before, regAfter, after, at).forEach(pendingRollups::add);
            Memberships.between(key, regBefore, before, regAfter, after, at)
                    .forEach(m -> context.forward(new Record<>(m.agency(), m, at),
                            JudgeOutput.TO_HEAT));
        }
    }
}
