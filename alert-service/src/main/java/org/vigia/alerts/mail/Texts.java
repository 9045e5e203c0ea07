package org.vigia.alerts.mail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Language;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertDetails.Resolution;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.CommitmentState;
import org.vigia.events.Severity;

/**
 * The words of the emails, one subclass per language. Every sentence a subscriber reads is
 * written here from the alert's type, status and typed details — never copied from the
 * processor's English {@code summary}. Nothing here escapes HTML: callers do.
 */
abstract class Texts {

    static Texts of(Language language) {
        return language == Language.EN ? new EnglishTexts() : new SpanishTexts();
    }

    /** What happened, in a few words for the subject line: "sin avance desde hace 92 días". */
    final String what(Alert alert) {
        AlertDetails d = alert.details();
        if (alert.status() == AlertStatus.RESOLVED) {
            Resolution r = d.resolution();
            return r == null ? ended(alert.type()) : ended(alert.type()) + ": " + because(alert.type(), r);
        }
        String phrase = switch (alert.type()) {
            case STALLED -> stalled(Optional.ofNullable(d.daysWithoutProgress()));
            case RESUMED -> resumed(decimal(d.completion()));
            case OVERDUE -> overdue(Optional.ofNullable(d.dueDate()));
            case AT_RISK -> atRisk();
            case DISPUTED -> disputed(decimal(d.completion()), decimal(d.verifiedCompletion()));
            case SCOPE_REDUCED -> scopeReduced();
            case SENSITIVITY_SPIKE -> spike(decimal(d.heat()));
            case COMPLETED -> completed();
        };
        return alert.severity() == Severity.CRITICAL && alert.type() == AlertType.STALLED ? phrase + " " + critical() : phrase;
    }

    /** What happened, in one or two full sentences for the body; may be empty for a resolution without a reason. */
    final String explain(Alert alert) {
        return alert.status() == AlertStatus.RESOLVED ? explainEnd(alert, alert.details().resolution()) : explainFiring(alert);
    }

    abstract String stalled(Optional<Long> days);

    abstract String resumed(Optional<String> completion);

    abstract String overdue(Optional<LocalDate> dueDate);

    abstract String atRisk();

    abstract String disputed(Optional<String> official, Optional<String> verified);

    abstract String scopeReduced();

    abstract String spike(Optional<String> heat);

    abstract String completed();

    abstract String critical();

    /** "terminó el estancamiento": the end of an episode of this type. */
    abstract String ended(AlertType type);

    /** The reason an episode ended, in a few words: "volvió a avanzar". */
    abstract String because(AlertType type, Resolution resolution);

    abstract String explainFiring(Alert alert);

    /** The reason an episode ended, as a sentence; empty when the alert does not say why (then none is given). */
    abstract String explainEnd(Alert alert, Resolution resolution);

    abstract String percent(String number);

    abstract String kindLabel(NotificationKind kind);

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

    abstract String projectedLabel();

    abstract String evidenceMissing();

    abstract String noteLabel();

    abstract String evidenceLabel();

    abstract String plansLabel();

    abstract String headlinesLabel();

    abstract String panelLabel();

    /** Why the subscriber gets this email, and how to change or pause the subscription. */
    abstract String footer(String name, String subscriberId, String contact);

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A number shown with at most one decimal and no trailing zeros: 45, 45.5. */
    static Optional<String> decimal(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }

    static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
