package org.vigia.processor.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

/**
 * Turns successive evaluations of one commitment into alerts, one episode at a time: an
 * alert fires once when its condition starts to hold and resolves once when it stops, with
 * the same deterministic id ({@code <commitmentId>:<TYPE>:<episode start date>}). Conditions
 * are independent of the state precedence, so OVERDUE and STALLED can fire together.
 */
public final class AlertTracker {
    /** The alerts that form episodes (fire, then resolve); the others are one-off notices. */
    static final List<AlertType> EPISODIC = List.of(AlertType.STALLED, AlertType.OVERDUE, AlertType.AT_RISK,
            AlertType.DISPUTED);

    private AlertTracker() {
    }

    /**
     * @param progressed whether this evaluation follows an increase of official completion
     */
    public static List<Alert> track(CommitmentLedger ledger, Evaluation ev, boolean progressed, Instant now) {
        List<Alert> out = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String cid = ledger.commitment.id();
        if (ev.completed()) {
            if (!ledger.completedAnnounced) {
                resumeIfStalled(ledger, ev, progressed, now, out);
                resolveAll(ledger, ev, now, out, null);
                out.add(AlertFactory.create(AlertType.COMPLETED, AlertStatus.FIRING, Severity.INFO,
                        ledger.newAlertId(cid + ":COMPLETED:" + today), ledger, ev, now, null));
                ledger.completedAnnounced = true;
            }
            return out;
        }
        ledger.completedAnnounced = false;

        Episode stall = ledger.episodes.get(AlertType.STALLED);
        if (ev.stalled()) {
            Severity severity = ev.stalledCritical() ? Severity.CRITICAL : Severity.WARNING;
            if (stall == null) {
                fire(ledger, AlertType.STALLED, severity, cid + ":STALLED:" + ev.stallStart(), ev, now, out);
            } else if (severity == Severity.CRITICAL && stall.severity() != Severity.CRITICAL) {
                // Same episode, same id: the alert-service sees the escalation as an update.
                Episode escalated = stall.withSeverity(Severity.CRITICAL);
                ledger.episodes.put(AlertType.STALLED, escalated);
                out.add(AlertFactory.create(AlertType.STALLED, AlertStatus.FIRING, Severity.CRITICAL,
                        escalated.alertId(), ledger, ev, now, null));
            }
        } else {
            resumeIfStalled(ledger, ev, progressed, now, out);
            resolve(ledger, AlertType.STALLED, ev, now, out, null);
        }
        episode(ledger, AlertType.OVERDUE, ev.overdue(), Severity.CRITICAL,
                cid + ":OVERDUE:" + ledger.commitment.dueDate().plusDays(1), ev, now, out);
        episode(ledger, AlertType.AT_RISK, ev.atRisk(), Severity.WARNING, cid + ":AT_RISK:" + today, ev, now, out);
        episode(ledger, AlertType.DISPUTED, ev.disputed(), Severity.WARNING, cid + ":DISPUTED:" + today, ev, now, out);
        return out;
    }

    /** Resolves every firing episode, e.g. on completion or when the commitment leaves the registry. */
    public static void resolveAll(CommitmentLedger ledger, Evaluation ev, Instant now, List<Alert> out,
                                  Map<String, Object> extra) {
        for (AlertType type : EPISODIC) {
            resolve(ledger, type, ev, now, out, extra);
        }
    }

    private static void resumeIfStalled(CommitmentLedger ledger, Evaluation ev, boolean progressed, Instant now,
                                        List<Alert> out) {
        Episode stall = ledger.episodes.get(AlertType.STALLED);
        if (stall != null && progressed) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            out.add(AlertFactory.create(AlertType.RESUMED, AlertStatus.FIRING, Severity.INFO,
                    ledger.newAlertId(ledger.commitment.id() + ":RESUMED:" + today), ledger, ev, now,
                    Map.of("stalledAlertId", stall.alertId())));
        }
    }

    private static void episode(CommitmentLedger ledger, AlertType type, boolean holds, Severity severity,
                                String idBase, Evaluation ev, Instant now, List<Alert> out) {
        if (holds && !ledger.episodes.containsKey(type)) {
            fire(ledger, type, severity, idBase, ev, now, out);
        } else if (!holds) {
            resolve(ledger, type, ev, now, out, null);
        }
    }

    private static void fire(CommitmentLedger ledger, AlertType type, Severity severity, String idBase,
                             Evaluation ev, Instant now, List<Alert> out) {
        Episode e = new Episode(ledger.newAlertId(idBase), severity, now);
        ledger.episodes.put(type, e);
        out.add(AlertFactory.create(type, AlertStatus.FIRING, severity, e.alertId(), ledger, ev, now, null));
    }

    private static void resolve(CommitmentLedger ledger, AlertType type, Evaluation ev, Instant now, List<Alert> out,
                                Map<String, Object> extra) {
        Episode e = ledger.episodes.remove(type);
        if (e != null) {
            out.add(AlertFactory.create(type, AlertStatus.RESOLVED, e.severity(), e.alertId(), ledger, ev, now, extra));
        }
    }
}
