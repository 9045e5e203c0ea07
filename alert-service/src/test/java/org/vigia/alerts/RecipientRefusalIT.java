package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigia.alerts.TestAlerts.stalled;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.api.NotificationView;
import org.vigia.alerts.notification.Recipient;
import org.vigia.events.Alert;

/**
 * Delivery is tracked per recipient against a real SMTP server that refuses on purpose: a
 * 451 to one address is retried for that address alone; a 550 to another is recorded as
 * failed with the server's reason, counted, and never retried; the third address gets its
 * email once. A retry that comes due together with a new alert goes out in its own email in
 * the same pass as the new alert's email to the other addresses, and neither email's outcome
 * undoes the other's.
 */
class RecipientRefusalIT {
    static final String SUBSCRIPTIONS = """
            subscriptions:
              - name: CIDAC
                emails: [alertas@cidac.example, ocupado@cidac.example, baja@cidac.example]
                language: en
            """;

    private final RefusingSmtpServer smtp = new RefusingSmtpServer()
            .refuseThenAccept("ocupado@cidac.example", 451)
            .refuseAlways("baja@cidac.example", 550);
    private Timeline timeline;

    @AfterEach
    void stop() {
        if (timeline != null) {
            timeline.close();
        }
        smtp.close();
    }

    @Test
    void aTemporaryRefusalIsRetriedForThatAddressAloneAndAPermanentOneIsRecordedAsFailed() {
        timeline = new Timeline(null, smtp.port(), new MutableClock(Instant.parse("2026-05-11T13:00:00Z")), SUBSCRIPTIONS,
                Map.of("VIGIA_SMTP_INITIAL_BACKOFF", "10s", "VIGIA_SMTP_MAX_BACKOFF", "1m")).start();
        Alert stall = stalled("stall-pgr-01-e1", "PGR", "MX-PGR-01", "Registro de detenidos", 92);
        timeline.at(0).push(stall);
        timeline.at(1);
        assertThat(smtp.deliveredTo("alertas@cidac.example")).hasSize(1);
        assertThat(smtp.deliveredTo("ocupado@cidac.example")).isEmpty();
        NotificationView first = timeline.service().deliveryLog("cidac", stall.alertId()).get(0);
        assertThat(first.state()).isEqualTo("pending");
        assertThat(first.recipients()).extracting(NotificationView.RecipientView::state)
                .containsExactlyInAnyOrder("sent", "pending", "failed");
        assertThat(first.recipients()).filteredOn(r -> r.state().equals("failed")).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("550 ").doesNotContain("@"));
        assertThat(first.recipients()).filteredOn(r -> r.state().equals("pending")).singleElement()
                .satisfies(r -> {
                    assertThat(r.attempts()).isEqualTo(1);
                    assertThat(r.retryAt()).isEqualTo(Instant.parse("2026-05-11T13:00:11Z"));
                    assertThat(r.reason()).startsWith("451 ");
                });

        timeline.at(10.9);
        assertThat(smtp.deliveredTo("ocupado@cidac.example")).isEmpty();
        timeline.at(11);
        assertThat(smtp.deliveredTo("ocupado@cidac.example")).singleElement()
                .satisfies(d -> assertThat(d.to()).containsExactly("ocupado@cidac.example"))
                .satisfies(d -> assertThat(d.messageId()).isEqualTo(smtp.deliveredTo("alertas@cidac.example").get(0).messageId()));
        timeline.at(100).settle();
        assertThat(smtp.delivered()).hasSize(2);
        assertThat(smtp.deliveredTo("alertas@cidac.example")).hasSize(1);
        assertThat(smtp.deliveredTo("baja@cidac.example")).isEmpty();

        await("the final state in the delivery log").atMost(Timeline.PATIENCE).untilAsserted(() ->
                assertThat(timeline.service().deliveryLog("cidac", stall.alertId()).get(0).state()).isEqualTo("partly_failed"));
        var registry = timeline.service().registry();
        assertThat(registry.get("vigia.deliveries.failed").tag("code", "550").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("vigia.notifications.failed").tag("reason", "rejected").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("vigia.notifications.failed").tag("reason", "smtp").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("vigia.emails.sent").counter().count()).isEqualTo(2.0);
    }

    @Test
    void aRetryAndANewAlertSentInTheSamePassBothKeepTheirOutcomes() {
        smtp.refuseThenAccept("ocupado@cidac.example", 451, 451).refuseThenAccept("alertas@cidac.example", 250, 451);
        timeline = new Timeline(null, smtp.port(), new MutableClock(Instant.parse("2026-05-11T13:00:00Z")), SUBSCRIPTIONS,
                Map.of("VIGIA_SMTP_INITIAL_BACKOFF", "10s", "VIGIA_SMTP_MAX_BACKOFF", "10s")).start();
        Alert first = stalled("stall-pgr-01-e1", "PGR", "MX-PGR-01", "Registro de detenidos", 92);
        Alert second = stalled("stall-pgr-02-e1", "PGR", "MX-PGR-02", "Protocolo de uso de la fuerza", 95);
        timeline.at(0).push(first);
        timeline.at(1); // the first: alertas accepts, ocupado 451 (retry at 11 s), baja 550
        timeline.at(2).push(second);
        timeline.at(3); // the second: alertas and ocupado 451 (retry at 12 or 13 s), baja 550
        await("the first two emails").atMost(Timeline.PATIENCE).until(() -> smtp.deliveredTo("alertas@cidac.example").size() == 1
                && timeline.service().deliveryLog("cidac", second.alertId()).stream().flatMap(n -> n.recipients().stream())
                .filter(r -> r.state().equals("pending") && r.retryAt() != null).count() == 2);
        // One pass sees every retry due: ocupado is owed both alerts (one email), alertas the second (another).
        timeline.at(20);
        timeline.at(30).settle();

        List<String> toWorking = smtp.deliveredTo("alertas@cidac.example").stream()
                .map(RefusingSmtpServer.Delivered::messageId).toList();
        assertThat(toWorking).as("one email per alert to alertas, none repeated").hasSize(2).doesNotHaveDuplicates();
        assertThat(smtp.deliveredTo("ocupado@cidac.example")).as("both alerts to ocupado, in one email, once").singleElement()
                .satisfies(d -> assertThat(d.to()).containsExactly("ocupado@cidac.example"));
        String retry = smtp.deliveredTo("ocupado@cidac.example").get(0).messageId();
        for (Alert a : List.of(first, second)) {
            await("the final state of " + a.alertId()).atMost(Timeline.PATIENCE).untilAsserted(() -> {
                NotificationView n = timeline.service().deliveryLog("cidac", a.alertId()).get(0);
                assertThat(n.state()).isEqualTo("partly_failed");
                assertThat(n.recipients()).extracting(NotificationView.RecipientView::state)
                        .containsExactlyInAnyOrder("sent", "sent", "failed");
                assertThat(n.recipients()).filteredOn(r -> r.recipient().equals(Recipient.idOf("ocupado@cidac.example")))
                        .singleElement().satisfies(r -> assertThat(r.messageId()).isEqualTo(retry));
            });
        }
        var letters = timeline.service().registry().find("vigia.alerts.dead.letters").tag("stage", "send").counter();
        assertThat(letters == null ? 0.0 : letters.count()).as("alerts set aside at send").isZero();
        assertThat(timeline.service().registry().get("vigia.emails.sent").counter().count()).isEqualTo(3.0);
    }
}
