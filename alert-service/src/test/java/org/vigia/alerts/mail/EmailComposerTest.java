package org.vigia.alerts.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Language;
import org.vigia.alerts.subscription.Matchers;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertDetails.Headline;
import org.vigia.events.AlertDetails.Resolution;
import org.vigia.events.AlertDetails.ScopeReduction;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.CommitmentState;
import org.vigia.events.Severity;

class EmailComposerTest {
    static final Instant NOW = Instant.parse("2026-05-11T13:00:00Z");
    /** The processor's English sentence: for logs and the API, never for an email. */
    static final String SUMMARY = "SUMMARY-NOT-FOR-EMAILS has shown no progress for 90 days.";
    static final List<String> ENGLISH = List.of(" the ", "progress", "completed", "official", "reminder", "alert ", "due date");
    static final List<String> SPANISH = List.of(" el ", "avance", "compromiso", "días", "alerta", "fecha límite", "sociedad");

    private final EmailComposer composer = new EmailComposer(URI.create("http://localhost:8082/"),
            ZoneId.of("America/Mexico_City"), "suscripciones@vigia.example");

    private static Subscription to(Language language) {
        return new Subscription("articulo19", "Artículo 19", List.of("alertas@articulo19.example"), language, Matchers.ALL, Delivery.IMMEDIATE);
    }

    private static Notification notification(Alert a, NotificationKind kind) {
        return Notification.pending("articulo19", a, kind, 0, Delivery.IMMEDIATE, NOW, NOW, NOW, List.of("alertas@articulo19.example"));
    }

    private Email compose(Language language, Alert a, NotificationKind kind) {
        return composer.compose(to(language), List.of("alertas@articulo19.example"), List.of(notification(a, kind)), NOW);
    }

    static AlertDetails commitment(long days, Resolution resolution) {
        return new AlertDetails(40.0, 72.5, days, 90, LocalDate.parse("2015-06-30"), CommitmentState.STALLED,
                Instant.parse("2014-01-10T00:00:00Z"), "Pendiente la firma del convenio", "https://evidencia.example/acta.pdf",
                false, LocalDate.parse("2016-02-01"), resolution, "MX-PGR-01:STALLED:2014-04-10",
                new ScopeReduction(List.of("M2"), 3.0, 2.0, LocalDate.parse("2015-06-30"), LocalDate.parse("2015-12-31")),
                null, null, null, null, null, null);
    }

    static AlertDetails spike(Resolution resolution) {
        return new AlertDetails(null, null, null, null, null, null, null, null, null, null, null, resolution, null, null,
                3.4, 3.0, 30.0, List.of(new Headline("Ayotzinapa: 43 estudiantes desaparecidos", "https://news.example/a",
                "La Jornada", Instant.parse("2014-09-27T00:00:00Z")), new Headline("Sin liga", "javascript:alert(1)", null, null)),
                List.of("MX-PGR-01", "MX-PGR-02"), List.of("MX-2013", "MX-2015"));
    }

    static Alert alert(AlertType type, AlertStatus status, Severity severity, AlertDetails details) {
        boolean agencyWide = type == AlertType.SENSITIVITY_SPIKE;
        return new Alert("a1", type, status, severity, agencyWide ? null : "MX-PGR-01", agencyWide ? null : "MX-2013", "PGR",
                agencyWide ? null : "justice-security", agencyWide ? null : "Registro de detenidos", NOW, SUMMARY, details);
    }

    @Test
    void theSubjectSaysWhatHappenedInEachLanguage() {
        Alert stall = alert(AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING, commitment(92, null));
        assertThat(compose(Language.ES, stall, NotificationKind.FIRING).subject())
                .isEqualTo("[Vigía] PGR · Registro de detenidos: sin avance desde hace 92 días");
        assertThat(compose(Language.EN, stall, NotificationKind.FIRING).subject())
                .isEqualTo("[Vigía] PGR · Registro de detenidos: no progress for 92 days");
        Alert disputed = alert(AlertType.DISPUTED, AlertStatus.FIRING, Severity.WARNING, commitment(10, null));
        assertThat(compose(Language.ES, disputed, NotificationKind.FIRING).subject())
                .isEqualTo("[Vigía] PGR · Registro de detenidos: avance en disputa: oficial 40 %, sociedad civil 72.5 %");
        Alert resolved = alert(AlertType.AT_RISK, AlertStatus.RESOLVED, Severity.WARNING, commitment(0, Resolution.DUE_DATE_PASSED));
        assertThat(compose(Language.EN, resolved, NotificationKind.RESOLVED).subject())
                .isEqualTo("[Vigía] PGR · Registro de detenidos: no longer at risk: due date passed");
        assertThat(compose(Language.ES, resolved, NotificationKind.RESOLVED).subject())
                .isEqualTo("[Vigía] PGR · Registro de detenidos: ya no está en riesgo: venció el plazo");
    }

    @Test
    void aResolutionStatesItsTrueReasonAndNoneWhenTheAlertGivesNone() {
        Alert byCompletion = alert(AlertType.STALLED, AlertStatus.RESOLVED, Severity.WARNING, commitment(0, Resolution.COMPLETED));
        assertThat(compose(Language.ES, byCompletion, NotificationKind.RESOLVED).text())
                .contains("Terminó el estancamiento: se cumplió.\nEl compromiso se cumplió, con evidencia.").doesNotContain("volvió a subir");
        Alert byRegistry = alert(AlertType.OVERDUE, AlertStatus.RESOLVED, Severity.CRITICAL, commitment(0, Resolution.REGISTRY_CHANGED));
        assertThat(compose(Language.EN, byRegistry, NotificationKind.RESOLVED).text())
                .contains("No longer overdue: registry changed.\nA change to its registry entry");
        Alert noReason = alert(AlertType.STALLED, AlertStatus.RESOLVED, Severity.WARNING, commitment(0, null));
        Email e = compose(Language.EN, noReason, NotificationKind.RESOLVED);
        assertThat(e.subject()).isEqualTo("[Vigía] PGR · Registro de detenidos: stall over");
        assertThat(e.text()).contains("Stall over.\nOfficial completion").doesNotContain("progress again").doesNotContain("completed,");
    }

    @ParameterizedTest
    @EnumSource(AlertType.class)
    void everyTypeAndStatusRendersFullyInTheSubscribersLanguageWithoutTheProcessorsSummary(AlertType type) {
        AlertDetails firing = type == AlertType.SENSITIVITY_SPIKE ? spike(null) : commitment(95, null);
        List<Alert> alerts = new java.util.ArrayList<>(List.of(alert(type, AlertStatus.FIRING, Severity.WARNING, firing)));
        for (Resolution r : Resolution.values()) {
            alerts.add(alert(type, AlertStatus.RESOLVED, Severity.WARNING,
                    type == AlertType.SENSITIVITY_SPIKE ? spike(r) : commitment(0, r)));
        }
        for (Alert a : alerts) {
            NotificationKind kind = a.status() == AlertStatus.RESOLVED ? NotificationKind.RESOLVED : NotificationKind.FIRING;
            for (Language language : Language.values()) {
                Email e = compose(language, a, kind);
                String all = (e.subject() + "\n" + e.text()).toLowerCase(Locale.ROOT);
                assertThat(all).as("%s %s in %s", type, a.details().resolution(), language)
                        .doesNotContain("summary-not-for-emails").doesNotContain("null").doesNotContain("optional");
                for (String word : language == Language.ES ? ENGLISH : SPANISH) {
                    assertThat(all.replace("registro de detenidos", "")).as("%s %s in %s: '%s'", type, a.details().resolution(), language, word)
                            .doesNotContain(word);
                }
                assertThat(e.html()).contains("<html lang=\"" + language.name().toLowerCase(Locale.ROOT) + "\">");
            }
        }
    }

    @Test
    void anAgencyWideSpikeLinksItsHeadlinesAndListsThePlansOnlyHttpUrlsBecomeLinks() {
        Alert spike = alert(AlertType.SENSITIVITY_SPIKE, AlertStatus.FIRING, Severity.WARNING, spike(null));
        Email e = compose(Language.EN, spike, NotificationKind.FIRING);
        assertThat(e.subject()).isEqualTo("[Vigía] PGR: spike in sensitive news (heat 3.4)");
        assertThat(e.text()).contains("Ayotzinapa: 43 estudiantes desaparecidos (La Jornada, 2014-09-27) <https://news.example/a>")
                .contains("  - Sin liga\n").contains("Plans with unfinished commitments: MX-2013, MX-2015")
                .contains("while it has 2 unfinished commitments").contains("http://localhost:8082/#/agencies/PGR");
        assertThat(e.html()).contains("<a href=\"https://news.example/a\">Ayotzinapa: 43 estudiantes desaparecidos</a>")
                .doesNotContain("href=\"javascript");
    }

    @Test
    void aScopeReductionSaysWhatChanged() {
        Alert scope = alert(AlertType.SCOPE_REDUCED, AlertStatus.FIRING, Severity.INFO, commitment(3, null));
        assertThat(compose(Language.ES, scope, NotificationKind.NOTICE).text()).contains("Aviso: PGR · Registro de detenidos")
                .contains("se retiró el hito M2; el peso total bajó de 3 a 2; la fecha límite pasó del 2015-06-30 al 2015-12-31");
        assertThat(compose(Language.EN, scope, NotificationKind.NOTICE).text())
                .contains("milestone M2 dropped; total weight down from 3 to 2; due date moved from 2015-06-30 to 2015-12-31");
    }

    @Test
    void everyEmailSaysHowToChangeOrPauseTheSubscriptionAndCarriesListUnsubscribe() {
        Email e = compose(Language.ES, alert(AlertType.OVERDUE, AlertStatus.FIRING, Severity.CRITICAL, commitment(5, null)),
                NotificationKind.FIRING);
        assertThat(e.listUnsubscribe()).isEqualTo("<mailto:suscripciones@vigia.example?subject=unsubscribe%20articulo19>");
        assertThat(e.text()).contains("suscripción «articulo19»").contains("escribe a suscripciones@vigia.example")
                .contains("crea un silencio con tu token cso:articulo19");
    }

    @Test
    void theHtmlPartEscapesEverythingFromTheData() {
        AlertDetails d = new AlertDetails(null, null, null, null, null, null, null, "<script>alert('x')</script> & más",
                "javascript:alert(1)", null, null, null, null, null, null, null, null, null, null, null);
        Alert a = new Alert("a1", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING, "MX-PGR-01", "MX-2013", "PGR", "s",
                "Registro <b>de</b> detenidos", NOW, SUMMARY, d);
        Email e = compose(Language.ES, a, NotificationKind.FIRING);
        assertThat(e.html()).doesNotContain("<script>").doesNotContain("<b>de</b>").doesNotContain("href=\"javascript")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; más")
                .contains("<a href=\"http://localhost:8082/#/commitments/MX-PGR-01\">");
    }

    @Test
    void theMessageIdIsStableForTheSameNotificationsWhateverTheirOrder() {
        Notification a = notification(alert(AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING, AlertDetails.NONE), NotificationKind.FIRING);
        Notification b = Notification.pending("articulo19", new Alert("a2", AlertType.OVERDUE, AlertStatus.FIRING, Severity.CRITICAL,
                "MX-PGR-02", "MX-2013", "PGR", "s", "B", NOW, "x", AlertDetails.NONE), NotificationKind.FIRING, 0, Delivery.IMMEDIATE,
                NOW, NOW, NOW, List.of("alertas@articulo19.example"));
        List<String> to = List.of("alertas@articulo19.example");
        String id = composer.compose(to(Language.ES), to, List.of(a, b), NOW).messageId();
        assertThat(composer.compose(to(Language.EN), to, List.of(b, a), NOW.plusSeconds(60)).messageId()).isEqualTo(id);
        assertThat(composer.compose(to(Language.ES), to, List.of(a), NOW).messageId()).isNotEqualTo(id).matches("<[0-9a-f]{64}@vigia>");
    }
}
