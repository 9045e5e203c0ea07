package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigia.alerts.TestAlerts.stalled;
import static org.vigia.alerts.Timeline.subjectContaining;
import static org.vigia.alerts.Timeline.to;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions change without a restart; an invalid file is reported and the last good one stays. */
class SubscriptionsReloadIT {
    static final String ONLY_A19 = """
            subscriptions:
              - name: Artículo 19
                emails: [alertas@articulo19.example]
                language: es
            """;

    private GreenMail smtp;
    private Timeline timeline;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        timeline = new Timeline(smtp, smtp.getSmtp().getPort(), new MutableClock(Instant.parse("2026-05-11T13:00:00Z")),
                ONLY_A19, Map.of()).start();
    }

    @AfterEach
    void stop() {
        timeline.close();
        smtp.stop();
    }

    private double reloads(String result) {
        var c = timeline.service().registry().find("vigia.subscriptions.reloads").tag("result", result).counter();
        return c == null ? 0 : c.count();
    }

    private double loaded() {
        return timeline.service().registry().get("vigia.subscriptions.loaded").gauge().value();
    }

    @Test
    void aNewSubscriberStartsReceivingAfterTheFileChangesAndAnInvalidEditKeepsTheLastGoodFile() {
        timeline.at(0).push(stalled("stall-pgr-01-e1", "PGR", "MX-PGR-01", "Registro de detenidos", 92));
        timeline.at(1).expectEmail(to("articulo19"), subjectContaining("Registro de detenidos"));
        timeline.expectNoEmail(to("cidac"));

        timeline.writeSubscriptions(ONLY_A19 + """
                  - name: CIDAC
                    emails: [alertas@cidac.example]
                    language: en
                """);
        await("the new file to be loaded").atMost(Timeline.PATIENCE).until(() -> loaded() == 2.0);
        timeline.at(2).push(stalled("stall-sct-01-e1", "SCT", "MX-SCT-01", "Obra pública abierta", 91));
        timeline.at(3).expectEmail(to("cidac"), subjectContaining("Obra pública abierta"));
        timeline.expectEmail(to("articulo19"), subjectContaining("Obra pública abierta"));

        double okBefore = reloads("ok");
        timeline.writeSubscriptions(ONLY_A19 + """
                  - name: CIDAC
                    emails: [alertas@cidac.example]
                    language: pt
                """);
        await("the invalid file to be reported").atMost(Timeline.PATIENCE).until(() -> reloads("invalid") >= 1);
        assertThat(reloads("ok")).isEqualTo(okBefore);
        assertThat(loaded()).isEqualTo(2.0);
        timeline.at(4).push(stalled("stall-sct-02-e1", "SCT", "MX-SCT-02", "Datos carreteros abiertos", 93));
        timeline.at(5).expectEmail(to("cidac"), subjectContaining("Datos carreteros abiertos"));
    }
}
