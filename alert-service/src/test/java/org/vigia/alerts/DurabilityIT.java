package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigia.alerts.TestAlerts.stalled;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;

/** Nothing lost, nothing sent twice: across an SMTP outage and a crash of the service. */
class DurabilityIT {
    static final String SUBSCRIPTIONS = """
            subscriptions:
              - name: Artículo 19
                emails: [alertas@articulo19.example]
                language: es
                match: { agencies: [PGR] }
              - name: CIDAC
                emails: [alertas@cidac.example]
                language: en
            """;

    private final Alert pgr = stalled("stall-pgr-01-e1", "PGR", "MX-PGR-01", "Registro de detenidos", 92);
    private final Alert pgr2 = stalled("stall-pgr-02-e1", "PGR", "MX-PGR-02", "Base de datos de personas desaparecidas", 120);
    private final Alert sct = stalled("stall-sct-01-e1", "SCT", "MX-SCT-01", "Obra pública abierta", 91);
    private final Alert sct2 = stalled("stall-sct-02-e1", "SCT", "MX-SCT-02", "Datos carreteros abiertos", 93);

    private GreenMail smtp;
    private Timeline timeline;

    @AfterEach
    void stop() {
        if (timeline != null) {
            timeline.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void alertsArrivingWhileSmtpIsDownAreAllDeliveredOnceWhenItComesBack() throws Exception {
        int port = freePort();
        timeline = new Timeline(null, port, Clock.systemUTC(), SUBSCRIPTIONS, Map.of()).start();
        timeline.push(pgr, pgr2, sct);
        await("failed sends to be counted").atMost(Timeline.PATIENCE).until(() ->
                failedSends() >= 2);
        assertThat(timeline.service().registry().get("vigia.notifications.retry.backlog").gauge().value()).isGreaterThan(0);

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        timeline.useMailbox(smtp);
        assertDeliveredExactlyOnce(timeline, "articulo19", pgr, pgr2);
        assertDeliveredExactlyOnce(timeline, "cidac", pgr, pgr2, sct);
        await("the retry backlog to drain").atMost(Timeline.PATIENCE).until(() ->
                timeline.service().registry().get("vigia.notifications.retry.backlog").gauge().value() == 0);
    }

    @Test
    void pendingAndSentNotificationsSurviveARestartNothingIsLostOrSentTwice() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        timeline = new Timeline(smtp, smtp.getSmtp().getPort(), Clock.systemUTC(), SUBSCRIPTIONS,
                Map.of("VIGIA_GROUP_WAIT", "5s")).start();

        // Both alerts are durably pending, their group is waiting: stop and start again.
        timeline.push(pgr, pgr2);
        // Each subscriber's notifications are taken in by its own task: wait until both have them.
        await("both subscribers' notifications pending").atMost(Timeline.PATIENCE)
                .until(() -> timeline.service().status().pending() == 4);
        timeline.restart();
        timeline.pushWithoutWaiting(sct);
        assertDeliveredExactlyOnce(timeline, "cidac", pgr, pgr2, sct);
        timeline.restart();
        timeline.pushWithoutWaiting(sct2, pgr);

        assertDeliveredExactlyOnce(timeline, "articulo19", pgr, pgr2);
        assertDeliveredExactlyOnce(timeline, "cidac", pgr, pgr2, sct, sct2);
    }

    /** Waits until every alert reached the subscriber, then checks none arrived twice (in any email). */
    private static void assertDeliveredExactlyOnce(Timeline t, String subscriber, Alert... alerts) {
        await("every alert to reach " + subscriber).atMost(Timeline.PATIENCE).until(() -> {
            List<Mailbox.Received> got = t.receivedBy(subscriber);
            for (Alert a : alerts) {
                if (got.stream().noneMatch(r -> r.text().contains(a.title()))) {
                    return false;
                }
            }
            return true;
        });
        t.settle();
        List<Mailbox.Received> got = t.receivedBy(subscriber);
        assertThat(got).extracting(Mailbox.Received::messageId).doesNotHaveDuplicates();
        for (Alert a : alerts) {
            assertThat(got.stream().filter(r -> r.text().contains(a.title())).count())
                    .as("emails to %s about %s", subscriber, a.title()).isEqualTo(1);
        }
    }

    private double failedSends() {
        var counter = timeline.service().registry().find("vigia.notifications.failed").tag("reason", "connection").counter();
        return counter == null ? 0 : counter.count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
