package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.TestAlerts.stalled;
import static org.vigia.alerts.Timeline.subject;
import static org.vigia.alerts.Timeline.to;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.api.NotificationView;
import org.vigia.events.Alert;

/** The walking skeleton: consume → route → send one email per alert and subscriber, with dedupe and the log. */
class DeliveryIT {
    static final String SUBSCRIPTIONS = """
            subscriptions:
              - name: Artículo 19
                emails: [alertas@articulo19.example]
                language: es
                match: { agencies: [PGR], types: [STALLED, RESUMED, OVERDUE], minSeverity: WARNING }
                delivery: immediate
              - name: CIDAC
                emails: [alertas@cidac.example]
                language: en
                delivery: immediate
            """;

    private GreenMail smtp;
    private Timeline timeline;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        timeline = new Timeline(smtp, smtp.getSmtp().getPort(), new MutableClock(Instant.parse("2026-05-11T12:00:00Z")),
                SUBSCRIPTIONS, Map.of()).start();
    }

    @AfterEach
    void stop() {
        timeline.close();
        smtp.stop();
    }

    @Test
    void aStallIsEmailedOnceToEveryMatchingSubscriberInItsLanguageEvenWhenReplayed() {
        Alert stall = stalled("stall-pgr-01-e1", "PGR", "MX-PGR-01", "Registro de detenidos", 92);
        Alert other = stalled("stall-sct-01-e1", "SCT", "MX-SCT-01", "Obra pública abierta", 95);

        timeline.at(0).push(stall, other);
        timeline.at(0.9).expectNoEmail(to("articulo19"));
        timeline.expectNoEmail(to("cidac"));

        timeline.at(1);
        Mailbox.Received es = timeline.expectEmail(to("articulo19"),
                subject("[Vigía] PGR · Registro de detenidos: sin avance desde hace 92 días"));
        Mailbox.Received en = timeline.expectEmail(to("cidac"),
                subject("[Vigía] 2 alerts: PGR · Registro de detenidos: no progress for 92 days and 1 more"));
        assertThat(es.messageId()).matches("<[0-9a-f]{64}@vigia>");
        assertThat(en.text()).contains("SCT · Obra pública abierta").contains("No progress for 95 days");

        timeline.at(2).push(stall, other);
        timeline.at(5).expectNoEmail(to("articulo19"));
        timeline.expectNoEmail(to("cidac"));

        assertThat(timeline.service().deliveryLog("articulo19", "stall-pgr-01-e1"))
                .extracting(NotificationView::state, NotificationView::messageId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sent", es.messageId()));
    }

    @Test
    void templatesArriveInBothLanguagesWithAccentsIntactAfterMimeDecodingAndEscapedHtml() throws Exception {
        Alert stall = stalled("stall-pgr-04-e1", "PGR", "MX-PGR-04", "Registro <Nacional> de detenidos: ¿acción?", 92);
        timeline.at(0).push(stall);
        timeline.at(1);
        Mailbox.Received es = timeline.expectEmail(to("articulo19"),
                subject("[Vigía] PGR · Registro <Nacional> de detenidos: ¿acción?: sin avance desde hace 92 días"));
        Mailbox.Received en = timeline.expectEmail(to("cidac"),
                subject("[Vigía] PGR · Registro <Nacional> de detenidos: ¿acción?: no progress for 92 days"));
        assertThat(es.contentType()).startsWith("multipart/alternative");
        assertThat(es.text()).contains("Hola, Artículo 19:").contains("Días sin avance: 92")
                .contains("El avance oficial no ha subido en 92 días (el límite es de 90).")
                .doesNotContain("SUMMARY")
                .contains("Última nota: «Pendiente la firma del convenio con la Policía Federal»")
                .contains("Evidencia: https://evidencia.example/pgr/acta-3.pdf")
                .contains("Ver en el panel de control: http://panel.vigia.example/#/commitments/MX-PGR-04");
        assertThat(es.html()).contains("<html lang=\"es\">").contains("Registro &lt;Nacional&gt; de detenidos: ¿acción?")
                .contains("Policía Federal").doesNotContain("<Nacional>");
        assertThat(en.text()).contains("Hello CIDAC,").contains("Days without progress: 92").contains("Official completion: 40%");
        assertThat(en.html()).contains("<html lang=\"en\">").contains("See it on the control panel");

        var raw = smtp.getReceivedMessagesForDomain("articulo19.example")[0];
        assertThat(raw.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(raw.getFrom()[0].toString()).contains("alertas@vigia.example");
        assertThat(((jakarta.mail.internet.InternetAddress) raw.getFrom()[0]).getPersonal()).isEqualTo("Vigía");
    }
}
