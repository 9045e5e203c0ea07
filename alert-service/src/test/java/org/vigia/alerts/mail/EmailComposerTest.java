package org.vigia.alerts.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.log.Kind;
import org.vigia.alerts.log.Notification;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Language;
import org.vigia.alerts.subscription.Matchers;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Json;
import org.vigia.events.Severity;

class EmailComposerTest {
    static final Instant NOW = Instant.parse("2026-05-11T13:00:00Z");
    private final EmailComposer composer = new EmailComposer(URI.create("http://localhost:8082/"), ZoneId.of("America/Mexico_City"));

    private static Subscription to(Language language) {
        return new Subscription("articulo19", "Artículo 19", List.of("alertas@articulo19.example"), language, Matchers.ALL, Delivery.IMMEDIATE);
    }

    private static Notification notification(Alert a, Kind kind) {
        return Notification.pending("articulo19", a, kind, 0, Delivery.IMMEDIATE, NOW, NOW, NOW);
    }

    private static Alert alert(AlertType type, Map<String, Object> details, String title) {
        return new Alert("a1", type, AlertStatus.FIRING, Severity.WARNING, "MX-PGR-01", "MX-2013", "PGR", "justice-security",
                title, NOW, "El compromiso no registra avance.", typed(details));
    }

    private static AlertDetails typed(Map<String, Object> details) {
        return Json.wire().convertValue(details, AlertDetails.class);
    }

    @Test
    void theSubjectSaysWhatHappenedInEachLanguage() {
        Alert stall = alert(AlertType.STALLED, Map.of("daysWithoutProgress", 92), "Registro de detenidos");
        assertThat(composer.compose(to(Language.ES), List.of(notification(stall, Kind.FIRING)), NOW).subject())
                .isEqualTo("[Vigía] PGR · Registro de detenidos: sin avance desde hace 92 días");
        assertThat(composer.compose(to(Language.EN), List.of(notification(stall, Kind.FIRING)), NOW).subject())
                .isEqualTo("[Vigía] PGR · Registro de detenidos: no progress for 92 days");
        Alert disputed = alert(AlertType.DISPUTED, Map.of("completion", 80.0, "verifiedCompletion", 42.5), "Registro de detenidos");
        assertThat(composer.compose(to(Language.ES), List.of(notification(disputed, Kind.FIRING)), NOW).subject())
                .isEqualTo("[Vigía] PGR · Registro de detenidos: avance en disputa: oficial 80 %, sociedad civil 42.5 %");
        Alert spike = new Alert("s1", AlertType.SENSITIVITY_SPIKE, AlertStatus.FIRING, Severity.WARNING, null, "MX-2013", "PGR",
                null, null, NOW, "Noticias sensibles sobre la PGR.", typed(Map.of("heat", 3.4,
                "headlines", List.of(Map.of("title", "Ayotzinapa", "url", "https://news.example/a"),
                        Map.of("title", "Otra nota")))));
        Email e = composer.compose(to(Language.EN), List.of(notification(spike, Kind.FIRING)), NOW);
        assertThat(e.subject()).isEqualTo("[Vigía] PGR: spike in sensitive news (heat 3.4)");
        assertThat(e.text()).contains("Ayotzinapa <https://news.example/a>").contains("Otra nota")
                .contains("http://localhost:8082/#/agencies/PGR");
    }

    @Test
    void theBodyCarriesCompletionDaysDueDateNoteEvidenceAndThePanelLinkAndEveryDetailIsOptional() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("completion", 40);
        details.put("verifiedCompletion", null);
        details.put("daysWithoutProgress", "92");
        details.put("dueDate", "2015-06-30");
        details.put("lastNote", "Falta la firma");
        details.put("lastEvidenceUrl", "https://evidencia.example/acta.pdf");
        Email e = composer.compose(to(Language.ES), List.of(notification(alert(AlertType.STALLED, details, "Registro"), Kind.FIRING)), NOW);
        assertThat(e.text()).contains("Avance oficial: 40 %").contains("Días sin avance: 92").contains("Fecha límite: 2015-06-30")
                .contains("Última nota: «Falta la firma»").contains("Evidencia: https://evidencia.example/acta.pdf")
                .contains("Ver en el panel de control: http://localhost:8082/#/commitments/MX-PGR-01")
                .doesNotContain("sociedad civil:");
        Email bare = composer.compose(to(Language.EN), List.of(notification(alert(AlertType.OVERDUE, Map.of(), null), Kind.REMINDER)), NOW);
        assertThat(bare.subject()).isEqualTo("[Vigía] Reminder: PGR: overdue");
        assertThat(bare.text()).contains("Reminder: the alert is still firing");
    }

    @Test
    void theHtmlPartEscapesEverythingFromTheDataAndLinksOnlyHttpUrls() {
        Map<String, Object> details = Map.of("lastNote", "<script>alert('x')</script> & más",
                "lastEvidenceUrl", "javascript:alert(1)");
        Email e = composer.compose(to(Language.ES), List.of(notification(alert(AlertType.STALLED, details, "Registro <b>de</b> detenidos"), Kind.FIRING)), NOW);
        assertThat(e.html()).doesNotContain("<script>").doesNotContain("<b>de</b>").doesNotContain("href=\"javascript")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; más")
                .contains("Registro &lt;b&gt;de&lt;/b&gt; detenidos")
                .contains("<a href=\"http://localhost:8082/#/commitments/MX-PGR-01\">");
    }

    @Test
    void theMessageIdIsStableForTheSameNotificationsWhateverTheirOrder() {
        Notification a = notification(alert(AlertType.STALLED, Map.of(), "A"), Kind.FIRING);
        Notification b = Notification.pending("articulo19", new Alert("a2", AlertType.OVERDUE, AlertStatus.FIRING, Severity.CRITICAL,
                "MX-PGR-02", "MX-2013", "PGR", "s", "B", NOW, "x", AlertDetails.NONE), Kind.FIRING, 0, Delivery.IMMEDIATE, NOW, NOW, NOW);
        String id = composer.compose(to(Language.ES), List.of(a, b), NOW).messageId();
        assertThat(composer.compose(to(Language.EN), List.of(b, a), NOW.plusSeconds(60)).messageId()).isEqualTo(id);
        assertThat(composer.compose(to(Language.ES), List.of(a), NOW).messageId()).isNotEqualTo(id).matches("<[0-9a-f]{64}@vigia>");
    }
}
