package org.vigia.processor.topology.judge;

import java.util.List;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails.Resolution;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.Severity;
import org.vigia.processor.topology.judge.AlertComposer.Extra;

/**
 * Turns successive assessments of one commitment into alerts, one episode at a time: an episodic
 * alert fires once when its condition starts to hold and resolves once, saying why, when it
 * stops; RESUMED, COMPLETED and SCOPE_REDUCED are one-off notices. Conditions are independent
 * of the state precedence, so OVERDUE and STALLED can fire together. Pure: it reads and updates
 * the ledger's episodes and nothing else.
 */
final class AlertTracking {
    /** What made the judge look at the commitment. */
    enum Cause { TIME, REPORT, REGISTRY }

    private AlertTracking() {
    }

    static void track(Commitment c, Ledger l, Assessment a, long at, Cause cause, boolean progressed, List<Alert> out) {
        if (a.completed()) {
            if (!l.completedAnnounced) {
                resumeIfStalled(c, l, a, at, progressed, out);
                resolveAll(c, l, a, at, Resolution.COMPLETED, out);
                out.add(AlertComposer.alert(AlertType.COMPLETED, AlertStatus.FIRING, Severity.INFO,
                        l.newAlertId(c.id(), AlertType.COMPLETED, at), c, l, a, at, Extra.NONE));
                l.completedAnnounced = true;
            }
            return;
        }
        l.completedAnnounced = false;
        stall(c, l, a, at, cause, progressed, out);
        Resolution atRiskEnd = a.overdue() ? Resolution.DUE_DATE_PASSED
                : cause == Cause.REGISTRY ? Resolution.REGISTRY_CHANGED : Resolution.PROGRESS;
        episode(c, l, AlertType.AT_RISK, a.atRisk(), Severity.WARNING, atRiskEnd, a, at, out);
        episode(c, l, AlertType.OVERDUE, a.overdue(), Severity.CRITICAL, Resolution.REGISTRY_CHANGED, a, at, out);
        episode(c, l, AlertType.DISPUTED, a.disputed(), Severity.WARNING, Resolution.VIEWS_AGREE, a, at, out);
    }

    private static void stall(Commitment c, Ledger l, Assessment a, long at, Cause cause, boolean progressed,
                              List<Alert> out) {
        Ledger.Episode stall = l.episode(AlertType.STALLED);
        if (a.stalled()) {
            Severity severity = a.stalledCritical() ? Severity.CRITICAL : Severity.WARNING;
            if (stall == null) {
                fire(c, l, AlertType.STALLED, severity, a, at, out);
            } else if (severity == Severity.CRITICAL && stall.severity() != Severity.CRITICAL) {
                // Same episode, same id: the alert service sees the escalation as an update.
                l.setEpisode(AlertType.STALLED, stall.withSeverity(Severity.CRITICAL));
                out.add(AlertComposer.alert(AlertType.STALLED, AlertStatus.FIRING, Severity.CRITICAL, stall.alertId(),
                        c, l, a, at, Extra.NONE));
            }
        } else if (stall != null) {
            resumeIfStalled(c, l, a, at, progressed, out);
            resolve(c, l, AlertType.STALLED, cause == Cause.REGISTRY && !progressed ? Resolution.REGISTRY_CHANGED
                    : Resolution.PROGRESS, a, at, out);
        }
    }

    /** Resolves every firing episode: on completion, or when the commitment leaves the registry. */
    static void resolveAll(Commitment c, Ledger l, Assessment a, long at, Resolution why, List<Alert> out) {
        for (AlertType type : Ledger.EPISODIC) {
            resolve(c, l, type, why, a, at, out);
        }
    }

    private static void resumeIfStalled(Commitment c, Ledger l, Assessment a, long at, boolean progressed,
                                        List<Alert> out) {
        Ledger.Episode stall = l.episode(AlertType.STALLED);
        if (stall != null && progressed) {
            out.add(AlertComposer.alert(AlertType.RESUMED, AlertStatus.FIRING, Severity.INFO,
                    l.newAlertId(c.id(), AlertType.RESUMED, at), c, l, a, at,
                    new Extra(null, stall.alertId(), null)));
        }
    }

    private static void episode(Commitment c, Ledger l, AlertType type, boolean holds, Severity severity,
                                Resolution whyItEnds, Assessment a, long at, List<Alert> out) {
        if (holds && l.episode(type) == null) {
            fire(c, l, type, severity, a, at, out);
        } else if (!holds) {
            resolve(c, l, type, whyItEnds, a, at, out);
        }
    }

    private static void fire(Commitment c, Ledger l, AlertType type, Severity severity, Assessment a, long at,
                             List<Alert> out) {
        Ledger.Episode e = new Ledger.Episode(l.newAlertId(c.id(), type, at), severity, at);
        l.setEpisode(type, e);
        out.add(AlertComposer.alert(type, AlertStatus.FIRING, severity, e.alertId(), c, l, a, at, Extra.NONE));
    }

    private static void resolve(Commitment c, Ledger l, AlertType type, Resolution why, Assessment a, long at,
                                List<Alert> out) {
        Ledger.Episode e = l.episode(type);
        if (e != null) {
            l.setEpisode(type, null);
            out.add(AlertComposer.alert(type, AlertStatus.RESOLVED, e.severity(), e.alertId(), c, l, a, at,
                    Extra.resolved(why)));
        }
    }
}
