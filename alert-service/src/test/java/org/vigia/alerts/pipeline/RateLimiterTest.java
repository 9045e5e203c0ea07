package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.pipeline.Fixtures.NOW;
import static org.vigia.alerts.pipeline.Fixtures.alert;
import static org.vigia.alerts.pipeline.Fixtures.pending;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.notification.Notification;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

class RateLimiterTest {

    private static Notification sent(Notification n, String messageId) {
        return n.withRecipients(java.util.Map.of(n.recipients().get(0).id(), r -> r.sent(NOW, messageId)), NOW);
    }

    @Test
    void beyondTheLimitTheNextSlotIsAnHourAfterTheOldestEmailInTheWindow() {
        RateLimiter limiter = new RateLimiter(2);
        assertThat(limiter.nextSlot("s", NOW)).isEmpty();
        limiter.recordSent("s", NOW);
        limiter.recordSent("s", NOW.plusSeconds(60));
        assertThat(limiter.nextSlot("s", NOW.plusSeconds(120))).contains(NOW.plusSeconds(3600));
        assertThat(limiter.nextSlot("other", NOW.plusSeconds(120))).isEmpty();
        assertThat(limiter.nextSlot("s", NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void zeroMeansUnlimited() {
        RateLimiter limiter = new RateLimiter(0);
        for (int i = 0; i < 100; i++) {
            limiter.recordSent("s", NOW);
        }
        assertThat(limiter.nextSlot("s", NOW)).isEmpty();
    }

    @Test
    void theWindowIsRebuiltFromTheLogCountingEachEmailOnce() {
        var a1 = pending("s", alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING), NotificationKind.FIRING, NOW);
        var a2 = pending("s", alert("a2", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING), NotificationKind.FIRING, NOW);
        RateLimiter limiter = new RateLimiter(2);
        limiter.restore(List.of(sent(a1, "<same@vigia>"), sent(a2, "<same@vigia>")));
        assertThat(limiter.nextSlot("s", NOW.plusSeconds(1))).isEmpty();
        limiter.recordSent("s", NOW.plusSeconds(2));
        assertThat(limiter.nextSlot("s", NOW.plusSeconds(3))).contains(NOW.plusSeconds(3600));
    }
}
