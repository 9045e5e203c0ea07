package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.pipeline.Fixtures.NOW;
import static org.vigia.alerts.pipeline.Fixtures.alert;
import static org.vigia.alerts.pipeline.Fixtures.pending;
import static org.vigia.alerts.pipeline.Fixtures.sent;
import static org.vigia.alerts.pipeline.Fixtures.subscription;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.notification.NotificationLog;
import org.vigia.alerts.notification.NotificationState;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Matchers;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

class DeduperTest {
    private final Deduper deduper = new Deduper();
    private final NotificationLog log = NotificationLog.inMemory();
    private final Subscription s = subscription("s", Matchers.ALL, Delivery.IMMEDIATE);
    private final Alert warning = alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING);
    private final Alert critical = alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.CRITICAL);
    private final Alert resolved = alert("a1", "PGR", AlertType.STALLED, AlertStatus.RESOLVED, Severity.INFO);

    @Test
    void theSameFiringAlertForTheSameSubscriberIsADuplicateWhetherPendingOrSent() {
        assertThat(deduper.kindFor(warning, "s", log)).contains(NotificationKind.FIRING);
        log.put(pending("s", warning, NotificationKind.FIRING, NOW));
        assertThat(deduper.kindFor(warning, "s", log)).isEmpty();
        assertThat(deduper.whyNot(warning, "s", log)).isEqualTo("duplicate");
        assertThat(deduper.kindFor(warning, "other", log)).contains(NotificationKind.FIRING);
    }

    @Test
    void anEscalationIsNewOnceAndALowerSeverityReplayAfterItIsNot() {
        log.put(sent(pending("s", warning, NotificationKind.FIRING, NOW), NOW));
        assertThat(deduper.kindFor(critical, "s", log)).contains(NotificationKind.ESCALATION);
        log.put(pending("s", critical, NotificationKind.ESCALATION, NOW));
        assertThat(deduper.kindFor(critical, "s", log)).isEmpty();
        assertThat(deduper.kindFor(warning, "s", log)).isEmpty();
    }

    @Test
    void aResolutionIsOwedOnlyToWhoeverWasToldOfTheOpeningAndOnlyOnce() {
        assertThat(deduper.kindFor(resolved, "s", log)).isEmpty();
        assertThat(deduper.whyNot(resolved, "s", log)).isEqualTo("not_told_of_opening");
        log.put(pending("s", warning, NotificationKind.FIRING, NOW).closed(NotificationState.SILENCED, NOW, "silenced"));
        assertThat(deduper.kindFor(resolved, "s", log)).as("a silenced opening").isEmpty();
        log.put(sent(pending("s", warning, NotificationKind.FIRING, NOW), NOW));
        assertThat(deduper.kindFor(resolved, "s", log)).contains(NotificationKind.RESOLVED);
        log.put(pending("s", resolved, NotificationKind.RESOLVED, NOW));
        assertThat(deduper.kindFor(resolved, "s", log)).isEmpty();
    }

    @Test
    void aOneOffNoticeIsToldOnce() {
        Alert completed = alert("c1", "PGR", AlertType.COMPLETED, AlertStatus.FIRING, Severity.INFO);
        assertThat(deduper.kindFor(completed, "s", log)).contains(NotificationKind.NOTICE);
        log.put(pending("s", completed, NotificationKind.NOTICE, NOW));
        assertThat(deduper.kindFor(completed, "s", log)).isEmpty();
    }

    @Test
    void atSendTimeAResolutionNeedsItsOpeningDeliveredOrInTheSameEmailAndAReminderAnOpenEpisode() {
        Notification r = pending("s", resolved, NotificationKind.RESOLVED, NOW);
        Notification f = pending("s", warning, NotificationKind.FIRING, NOW);
        assertThat(deduper.stillOwed(r, List.of(r), log, s)).isFalse();
        assertThat(deduper.stillOwed(r, List.of(f, r), log, s)).isTrue();
        log.put(sent(f, NOW));
        assertThat(deduper.stillOwed(r, List.of(r), log, s)).isTrue();

        Notification reminder = Notification.pending("s", warning, NotificationKind.REMINDER, 1, Delivery.IMMEDIATE, NOW, NOW, NOW,
                List.of("alertas@s.example"));
        assertThat(deduper.stillOwed(reminder, List.of(reminder), log, s)).isTrue();
        log.put(r);
        assertThat(deduper.stillOwed(reminder, List.of(reminder), log, s)).isFalse();
    }
}
