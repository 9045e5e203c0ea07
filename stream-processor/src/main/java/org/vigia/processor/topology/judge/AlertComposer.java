package org.vigia.processor.topology.judge;

import java.time.Instant;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertDetails.Resolution;
import org.vigia.events.AlertDetails.ScopeReduction;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.Severity;

/**
 * Builds commitment alerts: the typed details the alert service renders in each subscriber's
 * language, and one plain English sentence ({@code summary}) for logs and the query API.
 */
final class AlertComposer {
    private AlertComposer() {
    }

    record Extra(Resolution resolution, String stalledAlertId, ScopeReduction scope) {
        static final Extra NONE = new Extra(null, null, null);

        static Extra resolved(Resolution r) {
            return new Extra(r, null, null);
        }
    }

    static Alert alert(AlertType type, AlertStatus status, Severity severity, String alertId, Commitment c,
                       Ledger ledger, Assessment a, long at, Extra extra) {
        AlertDetails details = new AlertDetails(Completion.round1(a.completion().official()),
                a.completion().verified() == null ? null : Completion.round1(a.completion().verified()),
                a.daysWithoutProgress(), a.deadlines().stallAfterDays(), c.dueDate(), a.state(),
                StatusFacts.instant(a.deadlines().progressBase()), ledger.lastNote, ledger.lastEvidenceUrl,
                a.completion().evidenceMissing(), a.projectedCompletion(), extra.resolution(), extra.stalledAlertId(),
                extra.scope(), null, null, null, null, null, null);
        return new Alert(alertId, type, status, severity, c.id(), c.planId(), c.agency(), c.sector(), c.title(),
                Instant.ofEpochMilli(at), summary(type, status, c, details), details);
    }

    private static String summary(AlertType type, AlertStatus status, Commitment c, AlertDetails d) {
        String who = "\"" + c.title() + "\" (" + c.agency() + ")";
        if (status == AlertStatus.RESOLVED) {
            return who + ": " + type.name().toLowerCase().replace('_', ' ') + " ended (" + reason(d.resolution()) + ").";
        }
        String pct = percent(d.completion());
        return switch (type) {
            case STALLED -> who + " has shown no progress for " + d.daysWithoutProgress() + " days.";
            case RESUMED -> who + " is moving again after a stall, now at " + pct + ".";
            case OVERDUE -> who + " passed its due date of " + c.dueDate() + " at " + pct + " complete.";
            case AT_RISK -> "At its current pace " + who + " will not finish by its due date of " + c.dueDate() + ".";
            case DISPUTED -> "The agency reports " + pct + " for " + who + " but civil society verifies "
                    + percent(d.verifiedCompletion()) + ".";
            case SCOPE_REDUCED -> "The registry entry of " + who + " now asks for less: " + describe(d.scope()) + ".";
            case COMPLETED -> who + " is complete, with evidence.";
            case SENSITIVITY_SPIKE -> "News about " + c.agency() + " is running hot.";
        };
    }

    private static String reason(Resolution r) {
        if (r == null) {
            return "condition cleared";
        }
        return switch (r) {
            case PROGRESS -> "progress was reported";
            case COMPLETED -> "the commitment was completed";
            case VIEWS_AGREE -> "the official and civil-society figures agree within the threshold";
            case DUE_DATE_PASSED -> "the due date passed";
            case REGISTRY_CHANGED -> "the registry entry changed";
            case WITHDRAWN -> "the commitment was withdrawn from the registry";
            case COOLED_DOWN -> "the news heat cooled down";
            case NOTHING_UNFINISHED -> "nothing is left unfinished";
        };
    }

    /** Plain-English clauses, e.g. "milestone m3 dropped; due date moved from 2015-06-30 to 2015-12-31". */
    static String describe(ScopeReduction s) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!s.droppedMilestones().isEmpty()) {
            parts.add((s.droppedMilestones().size() == 1 ? "milestone " : "milestones ")
                    + String.join(", ", s.droppedMilestones()) + " dropped");
        }
        if (s.weightBefore() != null) {
            parts.add("total weight lowered from " + trim(s.weightBefore()) + " to " + trim(s.weightAfter()));
        }
        if (s.dueDateBefore() != null) {
            parts.add("due date moved from " + s.dueDateBefore() + " to " + s.dueDateAfter());
        }
        return String.join("; ", parts);
    }

    static String percent(Double value) {
        if (value == null) {
            return "no figure";
        }
        return (value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value)) + "%";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
