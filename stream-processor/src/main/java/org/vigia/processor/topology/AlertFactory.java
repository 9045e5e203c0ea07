package org.vigia.processor.topology;

import java.time.Instant;
import java.util.Map;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Severity;

/**
 * Builds commitment alerts: one plain English sentence (the alert-service localises by type)
 * and the details the emails are rendered from.
 */
public final class AlertFactory {
    private AlertFactory() {
    }

    public static Alert create(AlertType type, AlertStatus status, Severity severity, String alertId,
                               CommitmentLedger ledger, Evaluation ev, Instant now, Map<String, Object> extra) {
        Commitment c = ledger.commitment;
        return new Alert(alertId, type, status, severity, c.id(), c.planId(), c.agency(), c.sector(), c.title(), now,
                summary(type, status, c, ev, extra), details(ledger, ev, extra));
    }

    static AlertDetails details(CommitmentLedger ledger, Evaluation ev, Map<String, Object> extra) {
        Commitment c = ledger.commitment;
        ProgressUpdate last = ledger.lastReport;
        Map<String, Object> x = extra == null ? Map.of() : extra;
        return new AlertDetails(ev.completion().official(), ev.completion().verified(), ev.daysWithoutProgress(),
                ev.stallAfterDays(), c.dueDate(), ev.state(), ledger.lastProgressAt,
                last == null ? null : last.note(), last == null ? null : last.evidenceUrl(),
                ev.completion().evidenceMissing(), ev.projectedCompletion(),
                x.containsKey("withdrawn") ? AlertDetails.Resolution.WITHDRAWN : null,
                (String) x.get("stalledAlertId"), (AlertDetails.ScopeReduction) x.get("scope"),
                null, null, null, null, null, null);
    }

    private static String summary(AlertType type, AlertStatus status, Commitment c, Evaluation ev,
                                  Map<String, Object> extra) {
        String who = "\"" + c.title() + "\" (" + c.agency() + ")";
        boolean firing = status == AlertStatus.FIRING;
        String pct = percent(ev.completion().official());
        if (extra != null && extra.containsKey("withdrawn")) {
            return who + " was withdrawn from the registry.";
        }
        return switch (type) {
            case STALLED -> firing
                    ? who + " has shown no progress for " + ev.daysWithoutProgress() + " days."
                    : who + " is no longer stalled.";
            case RESUMED -> who + " is moving again after a stall, now at " + pct + ".";
            case OVERDUE -> firing
                    ? who + " passed its due date of " + c.dueDate() + " at " + pct + " complete."
                    : who + " is no longer overdue.";
            case AT_RISK -> firing
                    ? "At its current pace " + who + " will not finish by its due date of " + c.dueDate() + "."
                    : who + " is back on pace to finish by " + c.dueDate() + ".";
            case DISPUTED -> firing
                    ? "The agency reports " + pct + " for " + who + " but civil society verifies "
                            + percent(ev.completion().verified()) + "."
                    : "The official and verified completion of " + who + " agree again.";
            case SCOPE_REDUCED -> "The registry entry of " + who + " now asks for less: "
                    + (extra == null ? "scope reduced" : extra.get("change")) + ".";
            case COMPLETED -> firing
                    ? who + " is complete, with evidence."
                    : who + " is no longer complete.";
            case SENSITIVITY_SPIKE -> "News about " + c.agency() + " is running hot.";
        };
    }

    static String percent(Double value) {
        if (value == null) {
            return "no figure";
        }
        return (value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value)) + "%";
    }
}
