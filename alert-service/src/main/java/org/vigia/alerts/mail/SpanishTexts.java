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

/** The emails in Spanish. */
final class SpanishTexts extends Texts {
    @Override String stalled(Optional<Long> days) {
        return days.map(n -> "sin avance desde hace " + n + (n == 1 ? " día" : " días")).orElse("sin avance");
    }
    @Override String resumed(Optional<String> c) { return "retomó el avance" + c.map(v -> " (" + percent(v) + ")").orElse(""); }
    @Override String overdue(Optional<LocalDate> due) { return due.map(d -> "plazo vencido el " + d).orElse("plazo vencido"); }
    @Override String atRisk() { return "en riesgo de no cumplirse a tiempo"; }
    @Override String disputed(Optional<String> o, Optional<String> v) {
        return o.isPresent() && v.isPresent()
                ? "avance en disputa: oficial " + percent(o.get()) + ", sociedad civil " + percent(v.get())
                : "avance en disputa";
    }
    @Override String scopeReduced() { return "alcance reducido"; }
    @Override String spike(Optional<String> heat) { return "pico de noticias sensibles" + heat.map(h -> " (intensidad " + h + ")").orElse(""); }
    @Override String completed() { return "compromiso cumplido"; }
    @Override String critical() { return "(crítico)"; }

    @Override String ended(AlertType type) {
        return switch (type) {
            case STALLED -> "terminó el estancamiento";
            case OVERDUE -> "ya no está vencido";
            case AT_RISK -> "ya no está en riesgo";
            case DISPUTED -> "terminó la disputa del avance";
            case SENSITIVITY_SPIKE -> "terminó el pico de noticias sensibles";
            case RESUMED, COMPLETED, SCOPE_REDUCED -> "terminó la alerta";
        };
    }

    @Override String because(AlertType type, Resolution r) {
        return switch (r) {
            case PROGRESS -> type == AlertType.AT_RISK ? "recuperó el ritmo" : "volvió a avanzar";
            case COMPLETED -> "se cumplió";
            case VIEWS_AGREE -> "las cifras coinciden";
            case DUE_DATE_PASSED -> "venció el plazo";
            case REGISTRY_CHANGED -> "cambió el registro";
            case WITHDRAWN -> "se retiró del registro";
            case COOLED_DOWN -> "las noticias se enfriaron";
            case NOTHING_UNFINISHED -> "no le quedan compromisos sin terminar";
        };
    }

    @Override String explainFiring(Alert a) {
        AlertDetails d = a.details();
        return switch (a.type()) {
            case STALLED -> stallSentence(a, d);
            case RESUMED -> "El compromiso volvió a avanzar después de estar estancado"
                    + decimal(d.completion()).map(v -> "; su avance oficial es ahora " + percent(v)).orElse("") + ".";
            case OVERDUE -> (d.dueDate() == null ? "Pasó la fecha límite" : "Pasó la fecha límite, el " + d.dueDate() + ",")
                    + " sin que el compromiso se cumpliera" + decimal(d.completion()).map(v -> " (avance oficial " + percent(v) + ")").orElse("") + ".";
            case AT_RISK -> "Al ritmo de avance actual no terminará antes de su fecha límite"
                    + (d.dueDate() == null ? "" : " (" + d.dueDate() + ")")
                    + (d.projectedCompletion() == null ? ": no hay ritmo de avance del que proyectar." : "; se proyecta que termine el " + d.projectedCompletion() + ".");
            case DISPUTED -> "La dependencia reporta " + decimal(d.completion()).map(this::percent).orElse("una cifra")
                    + " y la sociedad civil verifica " + decimal(d.verifiedCompletion()).map(this::percent).orElse("otra muy distinta")
                    + ": las dos visiones del avance no coinciden.";
            case SCOPE_REDUCED -> "La entrada del registro ahora pide menos" + scope(d.scope()) + ".";
            case SENSITIVITY_SPIKE -> "Las noticias sobre " + a.agency() + " se intensificaron"
                    + decimal(d.heat()).map(h -> " (intensidad " + h + decimal(d.threshold()).map(t -> ", umbral " + t).orElse("") + ")").orElse("")
                    + unfinished(d) + ": es cuando sus compromisos corren el riesgo de quedar relegados.";
            case COMPLETED -> "El compromiso se cumplió: su avance oficial llegó al 100 % con evidencia.";
        };
    }

    private String stallSentence(Alert a, AlertDetails d) {
        String limit = d.stallAfterDays() == null ? "" : " (el límite es de " + d.stallAfterDays() + ")";
        String since = d.daysWithoutProgress() != null ? "en " + d.daysWithoutProgress() + " días"
                : d.lastProgressAt() != null ? "desde el " + date(d.lastProgressAt()) : "en el plazo de tolerancia";
        return "El avance oficial no ha subido " + since + limit
                + (a.severity() == Severity.CRITICAL ? ": el doble del límite o más, por eso la alerta es ahora crítica." : ".");
    }

    private static String unfinished(AlertDetails d) {
        int n = d.unfinishedCommitments() == null ? 0 : d.unfinishedCommitments().size();
        return n == 0 ? "" : " mientras tiene " + n + (n == 1 ? " compromiso sin terminar" : " compromisos sin terminar");
    }

    private static String scope(ScopeReduction s) {
        if (s == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!s.droppedMilestones().isEmpty()) {
            parts.add((s.droppedMilestones().size() == 1 ? "se retiró el hito " : "se retiraron los hitos ")
                    + String.join(", ", s.droppedMilestones()));
        }
        if (s.weightBefore() != null && s.weightAfter() != null) {
            parts.add("el peso total bajó de " + decimal(s.weightBefore()).orElse("?") + " a " + decimal(s.weightAfter()).orElse("?"));
        }
        if (s.dueDateBefore() != null && s.dueDateAfter() != null) {
            parts.add("la fecha límite pasó del " + s.dueDateBefore() + " al " + s.dueDateAfter());
        }
        return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
    }

    @Override String explainEnd(Alert a, Resolution r) {
        AlertDetails d = a.details();
        if (r == null) {
            return "";
        }
        return capitalise(switch (r) {
            case PROGRESS -> a.type() == AlertType.AT_RISK ? "el ritmo de avance se recuperó y puede terminar a tiempo"
                    : "el avance oficial volvió a subir" + decimal(d.completion()).map(v -> " (ahora " + percent(v) + ")").orElse("");
            case COMPLETED -> "el compromiso se cumplió, con evidencia";
            case VIEWS_AGREE -> "las cifras oficial y de la sociedad civil volvieron a acercarse"
                    + (decimal(d.completion()).isPresent() && decimal(d.verifiedCompletion()).isPresent()
                    ? " (" + percent(decimal(d.completion()).get()) + " y " + percent(decimal(d.verifiedCompletion()).get()) + ")" : "");
            case DUE_DATE_PASSED -> "pasó la fecha límite" + (d.dueDate() == null ? "" : " (" + d.dueDate() + ")")
                    + " sin cumplirse; ahora corre la alerta de plazo vencido";
            case REGISTRY_CHANGED -> "un cambio en su entrada del registro (fecha límite, hitos o días de tolerancia) hizo que la condición dejara de darse";
            case WITHDRAWN -> "el compromiso fue retirado del registro";
            case COOLED_DOWN -> "la intensidad de las noticias bajó" + decimal(d.heat()).map(h -> " a " + h).orElse("")
                    + decimal(d.threshold()).map(t -> ", por debajo del umbral de " + t).orElse("");
            case NOTHING_UNFINISHED -> "la dependencia ya no tiene compromisos sin terminar";
        }) + ".";
    }

    @Override String percent(String n) { return n + " %"; }
    @Override String kindLabel(NotificationKind kind) {
        return switch (kind) {
            case FIRING -> "Nueva alerta";
            case ESCALATION -> "Alerta escalada a crítica";
            case NOTICE -> "Aviso";
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
    @Override String projectedLabel() { return "Fecha proyectada de término"; }
    @Override String evidenceMissing() { return "reporta 100 % pero falta la evidencia"; }
    @Override String noteLabel() { return "Última nota"; }
    @Override String evidenceLabel() { return "Evidencia"; }
    @Override String plansLabel() { return "Planes con compromisos sin terminar"; }
    @Override String headlinesLabel() { return "Titulares"; }
    @Override String panelLabel() { return "Ver en el panel de control"; }
    @Override String footer(String name, String id, String contact) {
        return "Recibes este correo porque " + name + " está suscrito a las alertas de Vigía (suscripción «" + id + "»). "
                + "Para cambiar qué alertas recibes, cómo (inmediatas, resumen diario o semanal) o dejar de recibirlas, escribe a "
                + contact + ". Para pausarlas por un tiempo, crea un silencio con tu token cso:" + id
                + " (POST /api/v1/silences del servicio de alertas).";
    }
}
