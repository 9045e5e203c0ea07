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
import org.vigia.alerts.log.Notification;
import org.vigia.alerts.log.State;
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

        assertThat(timeline.service().notificationLog().query("articulo19", "stall-pgr-01-e1", 10))
                .extracting(Notification::state, Notification::messageId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(State.SENT, es.messageId()));
    }
}
