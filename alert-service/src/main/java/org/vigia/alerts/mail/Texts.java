package org.vigia.alerts.mail;

import java.util.Optional;
import org.vigia.alerts.log.Kind;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Language;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.CommitmentState;
import org.vigia.events.Severity;

/** The words of the emails, in Spanish and English. Nothing here escapes HTML: callers do. */
abstract class Texts {

    static Texts of(Language language) {
        return language == Language.EN ? new English() : new Spanish();
    }

    /** What happened, in a few words for the subject line: "sin avance desde hace 92 días". */
    final String what(Alert alert, Details d) {
        boolean resolved = alert.status() == AlertStatus.RESOLVED;
        String phrase = switch (alert.type()) {
            case STALLED -> resolved ? stallOver() : stalled(d.whole("daysWithoutProgress"));
            case RESUMED -> resumed(d.decimal("completion"));
            case OVERDUE -> resolved ? overdueOver() : overdue(d.date("dueDate"));
            case AT_RISK -> resolved ? atRiskOver() : atRisk();
            case DISPUTED -> resolved ? disputeOver() : disputed(d.decimal("completion"), d.decimal("verifiedCompletion"));
            case SCOPE_REDUCED -> resolved ? resolved(scopeReduced()) : scopeReduced();
            case SENSITIVITY_SPIKE -> resolved ? spikeOver() : spike(d.decimal("heat"));
            case COMPLETED -> completed();
        };
        return !resolved && alert.severity() == Severity.CRITICAL && alert.type() == org.vigia.events.AlertType.STALLED
                ? phrase + " " + critical() : phrase;
    }

    abstract String stalled(Optional<Long> days);

    abstract String stallOver();

    abstract String resumed(Optional<String> completion);

    abstract String overdue(Optional<String> dueDate);

    abstract String overdueOver();

    abstract String atRisk();

    abstract String atRiskOver();

    abstract String disputed(Optional<String> official, Optional<String> verified);

    abstract String disputeOver();

    abstract String scopeReduced();

    abstract String spike(Optional<String> heat);

    abstract String spikeOver();

    abstract String completed();

    abstract String resolved(String phrase);

    abstract String critical();

    abstract String percent(String number);

    abstract String kindLabel(Kind kind);

    abstract String reminderPrefix();

    abstract String alerts(int count);

    abstract String andMore(int count);

    abstract String digestTitle(Delivery delivery, String date);

    abstract String greeting(String name);

    abstract String intro(int count, Delivery delivery);

    abstract String completionLabel();

    abstract String verifiedLabel();

    abstract String daysLabel();

    abstract String dueLabel();

    abstract String stateLabel();

    abstract String state(CommitmentState state);

    abstract String lastProgressLabel();

    abstract String noteLabel();

    abstract String evidenceLabel();

    abstract String headlinesLabel();

    abstract String panelLabel();

    abstract String footer(String name);

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final class Spanish extends Texts {
        @Override String stalled(Optional<Long> days) {
            return days.map(n -> "sin avance desde hace " + n + (n == 1 ? " día" : " días")).orElse("sin avance");
        }
        @Override String stallOver() { return "vuelve a avanzar"; }
        @Override String resumed(Optional<String> c) { return "retomó el avance" + c.map(v -> " (" + percent(v) + ")").orElse(""); }
        @Override String overdue(Optional<String> due) { return due.map(d -> "plazo vencido el " + d).orElse("plazo vencido"); }
        @Override String overdueOver() { return "ya no está vencido"; }
        @Override String atRisk() { return "en riesgo de no cumplirse a tiempo"; }
        @Override String atRiskOver() { return "ya no está en riesgo"; }
        @Override String disputed(Optional<String> o, Optional<String> v) {
            return o.isPresent() && v.isPresent()
                    ? "avance en disputa: oficial " + percent(o.get()) + ", sociedad civil " + percent(v.get())
                    : "avance en disputa";
        }
        @Override String disputeOver() { return "el avance ya no está en disputa"; }
        @Override String scopeReduced() { return "alcance reducido"; }
        @Override String spike(Optional<String> heat) { return "pico de noticias sensibles" + heat.map(h -> " (intensidad " + h + ")").orElse(""); }
        @Override String spikeOver() { return "terminó el pico de noticias sensibles"; }
        @Override String completed() { return "compromiso cumplido"; }
        @Override String resolved(String phrase) { return "resuelto: " + phrase; }
        @Override String critical() { return "(crítico)"; }
        @Override String percent(String n) { return n + " %"; }
        @Override String kindLabel(Kind kind) {
            return switch (kind) {
                case FIRING -> "Nueva alerta";
                case ESCALATION -> "Alerta escalada a crítica";
                case RESOLVED -> "Alerta resuelta";
                case REMINDER -> "Recordatorio: la alerta sigue activa";
            };
        }
        @Override String reminderPrefix() { return "Recordatorio: "; }
        @Override String alerts(int n) { return n == 1 ? "1 alerta" : n + " alertas"; }
        @Override String andMore(int n) { return " y " + (n == 1 ? "1 más" : n + " más"); }
        @Override String digestTitle(Delivery d, String date) { return (d == Delivery.WEEKLY ? "Resumen semanal" : "Resumen diario") + " del " + date; }
        @Override String greeting(String name) { return "Hola, " + name + ":"; }
        @Override String intro(int n, Delivery d) {
            return d.digest() ? "Este es tu resumen de Vigía con " + alerts(n) + "."
                    : n == 1 ? "Vigía detectó un cambio en un compromiso que sigues." : "Vigía detectó " + n + " cambios en compromisos que sigues.";
        }
        @Override String completionLabel() { return "Avance oficial"; }
        @Override String verifiedLabel() { return "Avance según la sociedad civil"; }
        @Override String daysLabel() { return "Días sin avance"; }
        @Override String dueLabel() { return "Fecha límite"; }
        @Override String stateLabel() { return "Estado"; }
        @Override String state(CommitmentState s) {
            return switch (s) {
                case NOT_STARTED -> "sin iniciar";
                case ON_TRACK -> "en curso";
                case AT_RISK -> "en riesgo";
                case STALLED -> "estancado";
                case OVERDUE -> "vencido";
                case COMPLETED -> "cumplido";
            };
        }
        @Override String lastProgressLabel() { return "Último avance"; }
        @Override String noteLabel() { return "Última nota"; }
        @Override String evidenceLabel() { return "Evidencia"; }
        @Override String headlinesLabel() { return "Titulares"; }
        @Override String panelLabel() { return "Ver en el panel de control"; }
        @Override String footer(String name) {
            return "Recibes este correo porque " + name + " está suscrito a las alertas de Vigía.";
        }
    }

    private static final class English extends Texts {
        @Override String stalled(Optional<Long> days) {
            return days.map(n -> "no progress for " + n + (n == 1 ? " day" : " days")).orElse("no progress");
        }
        @Override String stallOver() { return "progressing again"; }
        @Override String resumed(Optional<String> c) { return "progress resumed" + c.map(v -> " (" + percent(v) + ")").orElse(""); }
        @Override String overdue(Optional<String> due) { return due.map(d -> "overdue since " + d).orElse("overdue"); }
        @Override String overdueOver() { return "no longer overdue"; }
        @Override String atRisk() { return "at risk of missing its due date"; }
        @Override String atRiskOver() { return "no longer at risk"; }
        @Override String disputed(Optional<String> o, Optional<String> v) {
            return o.isPresent() && v.isPresent()
                    ? "disputed progress: official " + percent(o.get()) + ", civil society " + percent(v.get())
                    : "disputed progress";
        }
        @Override String disputeOver() { return "progress no longer disputed"; }
        @Override String scopeReduced() { return "scope reduced"; }
        @Override String spike(Optional<String> heat) { return "spike in sensitive news" + heat.map(h -> " (heat " + h + ")").orElse(""); }
        @Override String spikeOver() { return "sensitive-news spike over"; }
        @Override String completed() { return "commitment completed"; }
        @Override String resolved(String phrase) { return "resolved: " + phrase; }
        @Override String critical() { return "(critical)"; }
        @Override String percent(String n) { return n + "%"; }
        @Override String kindLabel(Kind kind) {
            return switch (kind) {
                case FIRING -> "New alert";
                case ESCALATION -> "Alert escalated to critical";
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
        @Override String noteLabel() { return "Latest note"; }
        @Override String evidenceLabel() { return "Evidence"; }
        @Override String headlinesLabel() { return "Headlines"; }
        @Override String panelLabel() { return "See it on the control panel"; }
        @Override String footer(String name) {
            return "You receive this email because " + name + " subscribes to Vigía alerts.";
        }
    }
}
