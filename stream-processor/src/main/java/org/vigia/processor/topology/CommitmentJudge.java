package org.vigia.processor.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentState;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.Milestone;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Severity;

/**
 * Judges every commitment of its task: applies registry entries and progress reports, and on
 * each clock tick re-evaluates them all, so a commitment that receives nothing still stalls
 * on time.
 *
 * <p>Time: "now" is the task's event time — the largest record timestamp this processor has
 * seen (ticks, reports, registry changes), kept in the {@code judge-clock} store so it
 * survives restarts and rebalances. It never reads the wall clock, so the same input in the
 * same order gives the same alerts, live or replayed.
 */
final class CommitmentJudge implements Processor<String, Input, String, Emission> {
    private final StateEvaluator evaluator;
    private final TopologyObserver observer;
    private ProcessorContext<String, Emission> context;
    private KeyValueStore<String, CommitmentLedger> ledgers;
    private EventClock clock;

    CommitmentJudge(Thresholds thresholds, TopologyObserver observer) {
        this.evaluator = new StateEvaluator(thresholds);
        this.observer = observer;
    }

    @Override
    public void init(ProcessorContext<String, Emission> context) {
        this.context = context;
        this.ledgers = context.getStateStore(StoreNames.LEDGER);
        this.clock = new EventClock(context.getStateStore(StoreNames.JUDGE_CLOCK));
    }

    @Override
    public void process(Record<String, Input> record) {
        Input in = record.value();
        switch (in.kind()) {
            case TICK -> {
                Instant now = advance(Math.max(record.timestamp(), in.tick().at().toEpochMilli()));
                observer.tick(now.toEpochMilli());
                evaluateAll(now);
            }
            case COMMITMENT -> {
                if (in.commitment() != null && !in.commitment().id().equals(record.key())) {
                    throw new RejectedRecordException("commitment key '" + record.key() + "' does not match its id '"
                            + in.commitment().id() + "'");
                }
                Instant now = advance(record.timestamp());
                if (in.commitment() == null) {
                    withdraw(record.key(), now);
                } else {
                    registry(in.commitment(), now);
                }
            }
            case PROGRESS -> {
                if (!in.update().commitmentId().equals(record.key())) {
                    throw new RejectedRecordException("progress key '" + record.key()
                            + "' does not match its commitmentId '" + in.update().commitmentId() + "'");
                }
                Instant now = advance(Math.max(record.timestamp(), in.update().reportedAt().toEpochMilli()));
                progress(in.update(), record.timestamp(), now);
            }
            default -> throw new IllegalStateException("the judge does not read " + in.kind());
        }
    }

    private Instant advance(long timestamp) {
        return clock.advance(timestamp);
    }

    private void evaluateAll(Instant now) {
        List<KeyValue<String, CommitmentLedger>> changed = new ArrayList<>();
        try (KeyValueIterator<String, CommitmentLedger> all = ledgers.all()) {
            while (all.hasNext()) {
                KeyValue<String, CommitmentLedger> entry = all.next();
                if (entry.value.commitment != null && evaluateAndEmit(entry.value, now, false, null, -1)) {
                    changed.add(entry);
                }
            }
        }
        for (KeyValue<String, CommitmentLedger> entry : changed) {
            ledgers.put(entry.key, entry.value);
        }
    }

    private void registry(Commitment commitment, Instant now) {
        CommitmentLedger ledger = ledgerOf(commitment.id());
        Commitment before = ledger.commitment;
        ledger.commitment = commitment;
        ScopeChange scope = null;
        if (before == null) {
            ledger.lastProgressAt = progressSoFar(ledger);
        } else {
            scope = ScopeChange.between(before, commitment);
        }
        evaluateAndEmit(ledger, now, false, scope != null && scope.reduced() ? scope : null, -1);
        ledgers.put(commitment.id(), ledger);
    }

    /**
     * Reports that arrived before the registry entry: the only progress they can show is from
     * nothing to what they report, so the last of them that reports above zero is the progress.
     */
    private static Instant progressSoFar(CommitmentLedger ledger) {
        Completion completion = CompletionCalculator.compute(ledger.commitment, ledger.latest);
        if (completion.official() <= 0) {
            return null;
        }
        return ledger.latest.values().stream()
                .filter(u -> u.source().official() && u.effectivePercent() > 0)
                .map(ProgressUpdate::reportedAt)
                .max(Instant::compareTo)
                .orElse(null);
    }

    private void progress(ProgressUpdate update, long recordTimestamp, Instant now) {
        CommitmentLedger ledger = ledgerOf(update.commitmentId());
        if (ledger.seen(update.updateId())) {
            return; // idempotency: a repeated updateId is ignored, whatever its body
        }
        ledger.remember(update.updateId());
        Completion before = ledger.commitment == null ? null
                : CompletionCalculator.compute(ledger.commitment, ledger.latest);

        String key = CompletionCalculator.reportKey(update.milestoneId(), update.source());
        ProgressUpdate current = ledger.latest.get(key);
        boolean late = current != null && update.reportedAt().isBefore(current.reportedAt());
        if (!late) {
            ledger.latest.put(key, update);
        }
        String remark = late ? "older than the latest report for the same milestone and source: recorded, not counted"
                : unknownMilestone(ledger.commitment, update.milestoneId())
                        ? "milestone '" + update.milestoneId() + "' is not in the registry entry: recorded, not counted"
                        : null;
        ledger.addHistory(HistoryEntry.of(update, remark == null, remark));
        if (ledger.lastUpdateAt == null || update.reportedAt().isAfter(ledger.lastUpdateAt)) {
            ledger.lastUpdateAt = update.reportedAt();
        }
        if (ledger.lastReport == null || !update.reportedAt().isBefore(ledger.lastReport.reportedAt())) {
            ledger.lastReport = update;
        }
        if (ledger.commitment != null) {
            Completion after = CompletionCalculator.compute(ledger.commitment, ledger.latest);
            boolean progressed = after.official() > before.official() + 1e-9;
            if (progressed && (ledger.lastProgressAt == null || update.reportedAt().isAfter(ledger.lastProgressAt))) {
                ledger.lastProgressAt = update.reportedAt();
            }
            evaluateAndEmit(ledger, now, progressed, null, recordTimestamp);
        }
        ledgers.put(update.commitmentId(), ledger);
    }

    private static boolean unknownMilestone(Commitment c, String milestoneId) {
        return c != null && milestoneId != null && c.milestones().stream().map(Milestone::id).noneMatch(milestoneId::equals);
    }

    private void withdraw(String id, Instant now) {
        CommitmentLedger ledger = ledgers.get(id);
        if (ledger == null) {
            return;
        }
        if (ledger.commitment != null) {
            Evaluation ev = evaluate(ledger, now);
            List<Alert> alerts = new ArrayList<>();
            AlertTracker.resolveAll(ledger, ev, now, alerts, Map.of("withdrawn", true));
            alerts.forEach(a -> forward(a.key(), Emission.alert(a), now));
            alerts.forEach(observer::alert);
        }
        if (ledger.lastStatus != null) {
            forward(id, Emission.status(null), now);
            forward(ledger.lastStatus.agency(), Emission.membership(
                    new Membership(id, ledger.lastStatus.planId(), false, true)), now);
        }
        ledgers.delete(id);
    }

    private Evaluation evaluate(CommitmentLedger ledger, Instant now) {
        Completion completion = CompletionCalculator.compute(ledger.commitment, ledger.latest);
        return evaluator.evaluate(ledger.commitment, completion, ledger.lastProgressAt, ledger.anyUpdate(), now);
    }

    /** Evaluates one commitment at {@code now}, emits what changed; true if the ledger changed. */
    private boolean evaluateAndEmit(CommitmentLedger ledger, Instant now, boolean progressed, ScopeChange scope,
                                    long updateTimestamp) {
        Evaluation ev = evaluate(ledger, now);
        List<Alert> alerts = new ArrayList<>();
        if (scope != null) {
            Map<String, Object> extra = new java.util.LinkedHashMap<>(scope.details());
            extra.put("change", scope.describe());
            alerts.add(AlertFactory.create(AlertType.SCOPE_REDUCED, AlertStatus.FIRING, Severity.INFO,
                    ledger.newAlertId(ledger.commitment.id() + ":SCOPE_REDUCED:" + now), ledger, ev, now, extra));
        }
        alerts.addAll(AlertTracker.track(ledger, ev, progressed, now));
        CommitmentStatus status = status(ledger, ev, now);
        boolean changed = !alerts.isEmpty();
        if (!sameIgnoringAsOf(status, ledger.lastStatus)) {
            announceMembership(ledger.lastStatus, status, now);
            ledger.lastStatus = status;
            forward(status.commitmentId(), Emission.status(status), now);
            if (updateTimestamp >= 0) {
                observer.statusAfterUpdate(updateTimestamp);
            }
            changed = true;
        }
        for (Alert alert : alerts) {
            ledger.addAlert(alert);
            forward(alert.key(), Emission.alert(alert), now);
            observer.alert(alert);
        }
        return changed;
    }

    private void announceMembership(CommitmentStatus before, CommitmentStatus after, Instant now) {
        boolean unfinished = after.state() != CommitmentState.COMPLETED;
        if (before != null && before.agency().equals(after.agency()) && before.planId().equals(after.planId())
                && (before.state() != CommitmentState.COMPLETED) == unfinished) {
            return;
        }
        if (before != null && !before.agency().equals(after.agency())) {
            forward(before.agency(), Emission.membership(
                    new Membership(before.commitmentId(), before.planId(), false, true)), now);
        }
        forward(after.agency(), Emission.membership(
                new Membership(after.commitmentId(), after.planId(), unfinished, false)), now);
    }

    private static CommitmentStatus status(CommitmentLedger ledger, Evaluation ev, Instant now) {
        Commitment c = ledger.commitment;
        Instant lastProgress = ledger.lastProgressAt != null ? ledger.lastProgressAt
                : StateEvaluator.startOfDay(c.startDate());
        return new CommitmentStatus(c.id(), c.planId(), c.agency(), c.sector(), c.title(), ev.completion().official(),
                ev.completion().verified(), ev.state(), ev.disputed(), ev.completion().evidenceMissing(), lastProgress,
                ledger.lastUpdateAt, ev.daysWithoutProgress(), ev.projectedCompletion(), now);
    }

    /** A status is re-published only when something but its asOf changed: at most daily per commitment. */
    static boolean sameIgnoringAsOf(CommitmentStatus a, CommitmentStatus b) {
        if (b == null) {
            return false;
        }
        return Objects.equals(withAsOf(a, null), withAsOf(b, null));
    }

    private static CommitmentStatus withAsOf(CommitmentStatus s, Instant asOf) {
        return new CommitmentStatus(s.commitmentId(), s.planId(), s.agency(), s.sector(), s.title(), s.completion(),
                s.verifiedCompletion(), s.state(), s.disputed(), s.evidenceMissing(), s.lastProgressAt(),
                s.lastUpdateAt(), s.daysWithoutProgress(), s.projectedCompletion(), asOf);
    }

    private CommitmentLedger ledgerOf(String id) {
        CommitmentLedger ledger = ledgers.get(id);
        return ledger != null ? ledger : new CommitmentLedger();
    }

    private void forward(String key, Emission emission, Instant now) {
        context.forward(new Record<>(key, emission, now.toEpochMilli()));
    }
}
