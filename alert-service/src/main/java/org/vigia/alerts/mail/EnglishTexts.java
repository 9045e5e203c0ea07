package org.vigia.alerts.mail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertDetails.Resolution;
import org.vigia.events.AlertDetails.ScopeReduction;
import org.vigia.events.AlertType;
import org.vigia.events.CommitmentState;
import org.vigia.events.Severity;

/** The emails in English. */
final class EnglishTexts extends Texts {
    @Override String stalled(Optional<Long> days) {
        return days.map(n -> "no progress for " + n + (n == 1 ? " day" : " days")).orElse("no progress");
    }
    @Override String resumed(Optional<String> c) { return "progress resumed" + c.map(v -> " (" + percent(v) + ")").orElse(""); }
    @Override String overdue(Optional<LocalDate> due) { return due.map(d -> "overdue since " + d).orElse("overdue"); }
    @Override String atRisk() { return "at risk of missing its due date"; }
    @Override String disputed(Optional<String> o, Optional<String> v) {
        return o.isPresent() && v.isPresent()
                ? "disputed progress: official " + percent(o.get()) + ", civil society " + percent(v.get())
                : "disputed progress";
    }
    @Override String scopeReduced() { return "scope reduced"; }
    @Override String spike(Optional<String> heat) { return "spike in sensitive news" + heat.map(h -> " (heat " + h + ")").orElse(""); }
    @Override String completed() { return "commitment completed"; }
    @Override String critical() { return "(critical)"; }

    @Override String ended(AlertType type) {
        return switch (type) {
            case STALLED -> "stall over";
            case OVERDUE -> "no longer overdue";
            case AT_RISK -> "no longer at risk";
            case DISPUTED -> "dispute over";
            case SENSITIVITY_SPIKE -> "sensitive-news spike over";
            case RESUMED, COMPLETED, SCOPE_REDUCED -> "alert over";
        };
    }

    @Override String because(AlertType type, Resolution r) {
        return switch (r) {
            case PROGRESS -> type == AlertType.AT_RISK ? "back on pace" : "progress again";
            case COMPLETED -> "completed";
            case VIEWS_AGREE -> "the figures agree";
            case DUE_DATE_PASSED -> "due date passed";
            case REGISTRY_CHANGED -> "registry changed";
            case WITHDRAWN -> "withdrawn from the registry";
            case COOLED_DOWN -> "the news cooled down";
            case NOTHING_UNFINISHED -> "no unfinished commitments left";
        };
    }

    @Override String explainFiring(Alert a) {
        AlertDetails d = a.details();
        return switch (a.type()) {
            case STALLED -> stallSentence(a, d);
            case RESUMED -> "The commitment is moving again after a stall"
                    + decimal(d.completion()).map(v -> "; its official completion is now " + percent(v)).orElse("") + ".";
            case OVERDUE -> (d.dueDate() == null ? "The due date passed" : "Its due date, " + d.dueDate() + ", passed")
                    + " before it was completed" + decimal(d.completion()).map(v -> " (official completion " + percent(v) + ")").orElse("") + ".";
            case AT_RISK -> "At its current pace it will not finish by its due date"
                    + (d.dueDate() == null ? "" : " (" + d.dueDate() + ")")
                    + (d.projectedCompletion() == null ? ": there is no pace to project from." : "; it is projected to finish on " + d.projectedCompletion() + ".");
            case DISPUTED -> "The agency reports " + decimal(d.completion()).map(this::percent).orElse("one figure")
                    + " and civil society verifies " + decimal(d.verifiedCompletion()).map(this::percent).orElse("a very different one")
                    + ": the two views of its progress do not agree.";
            case SCOPE_REDUCED -> "Its registry entry now asks for less" + scope(d.scope()) + ".";
            case SENSITIVITY_SPIKE -> "News about " + a.agency() + " has heated up"
                    + decimal(d.heat()).map(h -> " (heat " + h + decimal(d.threshold()).map(t -> ", threshold " + t).orElse("") + ")").orElse("")
                    + unfinished(d) + ": the moment its commitments risk slipping down the agenda.";
            case COMPLETED -> "The commitment is complete: its official completion reached 100% with evidence.";
        };
    }

    private String stallSentence(Alert a, AlertDetails d) {
        String limit = d.stallAfterDays() == null ? "" : " (its limit is " + d.stallAfterDays() + ")";
        String since = d.daysWithoutProgress() != null ? "for " + d.daysWithoutProgress() + " days"
                : d.lastProgressAt() != null ? "since " + date(d.lastProgressAt()) : "for longer than its limit";
        return "Its official completion has not gone up " + since + limit
                + (a.severity() == Severity.CRITICAL ? ": twice the limit or more, so the alert is now critical." : ".");
    }

    private static String unfinished(AlertDetails d) {
        int n = d.unfinishedCommitments() == null ? 0 : d.unfinishedCommitments().size();
        return n == 0 ? "" : " while it has " + n + (n == 1 ? " unfinished commitment" : " unfinished commitments");
    }

    private static String scope(ScopeReduction s) {
        if (s == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!s.droppedMilestones().isEmpty()) {
            parts.add((s.droppedMilestones().size() == 1 ? "milestone " : "milestones ") + String.join(", ", s.droppedMilestones())
                    + " dropped");
        }
        if (s.weightBefore() != null && s.weightAfter() != null) {
            parts.add("total weight down from " + decimal(s.weightBefore()).orElse("?") + " to " + decimal(s.weightAfter()).orElse("?"));
        }
        if (s.dueDateBefore() != null && s.dueDateAfter() != null) {
            parts.add("due date moved from " + s.dueDateBefore() + " to " + s.dueDateAfter());
        }
        return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
    }

    @Override String explainEnd(Alert a, Resolution r) {
        AlertDetails d = a.details();
        if (r == null) {
            return "";
        }
        return capitalise(switch (r) {
            case PROGRESS -> a.type() == AlertType.AT_RISK ? "its pace recovered and it can finish on time"
                    : "its official completion went up again" + decimal(d.completion()).map(v -> " (now " + percent(v) + ")").orElse("");
            case COMPLETED -> "the commitment was completed, with evidence";
            case VIEWS_AGREE -> "the official and civil-society figures came close again"
                    + (decimal(d.completion()).isPresent() && decimal(d.verifiedCompletion()).isPresent()
                    ? " (" + percent(decimal(d.completion()).get()) + " and " + percent(decimal(d.verifiedCompletion()).get()) + ")" : "");
            case DUE_DATE_PASSED -> "its due date" + (d.dueDate() == null ? "" : " (" + d.dueDate() + ")")
                    + " passed before completion; the overdue alert takes over";
            case REGISTRY_CHANGED -> "a change to its registry entry (due date, milestones or stall limit) ended the condition";
            case WITHDRAWN -> "the commitment was withdrawn from the registry";
            case COOLED_DOWN -> "the news heat fell" + decimal(d.heat()).map(h -> " to " + h).orElse("")
                    + decimal(d.threshold()).map(t -> ", below the threshold of " + t).orElse("");
            case NOTHING_UNFINISHED -> "the agency has no unfinished commitment left";
        }) + ".";
    }

    @Override String percent(String n) { return n + "%"; }
    @Override String kindLabel(NotificationKind kind) {
        return switch (kind) {
            case FIRING -> "New alert";
            case ESCALATION -> "Alert escalated to critical";
            case NOTICE -> "Notice";
            case RESOLVED -> "Alert resolved";
            case REMINDER -> "Reminder: the alert is still firing";
        };
    }
    @Override String reminderPrefix() { return "Reminder: "; }
    @Override String alerts(int n) { return n == 1 ? "1 alert" : n + " alerts"; }
    @Override String andMore(int n) { return " and " + n + " more"; }
    @Override String digestTitle(Delivery d, String date) { return (d == Delivery.WEEKLY ? "Weekly digest" : "Daily digest") + ", " + date; }
    @Override String greeting(String name) { return "Hello " + name + ","; }
    @Override String intro(int n, Delivery d) {
        return d.digest() ? "This is your Vigía digest with " + alerts(n) + "."
                : n == 1 ? "Vigía noticed a change in a commitment you follow." : "Vigía noticed " + n + " changes in commitments you follow.";
    }
    @Override String completionLabel() { return "Official completion"; }
    @Override String verifiedLabel() { return "Completion according to civil society"; }
    @Override String daysLabel() { return "Days without progress"; }
    @Override String dueLabel() { return "Due date"; }
    @Override String stateLabel() { return "State"; }
    @Override String state(CommitmentState s) {
        return switch (s) {
            case NOT_STARTED -> "not started";
            case ON_TRACK -> "on track";
            case AT_RISK -> "at risk";
            case STALLED -> "stalled";
            case OVERDUE -> "overdue";
            case COMPLETED -> "completed";
        };
    }
    @Override String lastProgressLabel() { return "Last progress"; }
    @Override String projectedLabel() { return "Projected completion"; }
    @Override String evidenceMissing() { return "reports 100% but the evidence is missing"; }
    @Override String noteLabel() { return "Latest note"; }
    @Override String evidenceLabel() { return "Evidence"; }
    @Override String plansLabel() { return "Plans with unfinished commitments"; }
    @Override String headlinesLabel() { return "Headlines"; }
    @Override String panelLabel() { return "See it on the control panel"; }
    @Override String footer(String name, String id, String contact) {
        return "You receive this email because " + name + " subscribes to Vigía alerts (subscription '" + id + "'). "
                + "To change which alerts you get, how (immediately, or a daily or weekly digest) or to stop them, write to "
                + contact + ". To pause them for a while, create a silence with your cso:" + id
                + " token (POST /api/v1/silences on the alert service).";
    }
}
