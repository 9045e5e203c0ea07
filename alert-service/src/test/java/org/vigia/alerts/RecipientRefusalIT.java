package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigia.alerts.TestAlerts.stalled;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.api.NotificationView;
import org.vigia.events.Alert;

/**
 * Delivery is tracked per recipient against a real SMTP server that refuses on purpose: a
 * 451 to one address is retried for that address alone; a 550 to another is recorded as
 * failed with the server's reason, counted, and never retried; the third address gets its
 * email once.
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
}
