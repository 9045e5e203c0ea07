package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.pipeline.Fixtures.NOW;
import static org.vigia.alerts.pipeline.Fixtures.alert;
import static org.vigia.alerts.pipeline.Fixtures.pending;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

class GrouperTest {
    private final Grouper grouper = new Grouper(Duration.ofSeconds(30),
            new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("America/Mexico_City")));

    @Test
    void immediateNotificationsWaitTheGroupWaitRemindersNoneAndDigestsTheDigestTime() {
        assertThat(grouper.dueAt(Delivery.IMMEDIATE, NotificationKind.FIRING, NOW)).isEqualTo(NOW.plusSeconds(30));
        assertThat(grouper.dueAt(Delivery.IMMEDIATE, NotificationKind.REMINDER, NOW)).isEqualTo(NOW);
        // NOW is 07:00 in Mexico City: today's 08:00 is 14:00Z.
        assertThat(grouper.dueAt(Delivery.DAILY, NotificationKind.FIRING, NOW)).isEqualTo(java.time.Instant.parse("2026-05-11T14:00:00Z"));
    }

    @Test
    void whenTheEarliestIsDueEveryPendingNotificationOfThatSubscriberGoesInOneGroup() {
        Notification first = pending("s", alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING), NotificationKind.FIRING, NOW);
        Notification later = pending("s", alert("a2", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING), NotificationKind.FIRING, NOW.plusSeconds(20));
        Notification other = pending("t", alert("a3", "SCT", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING), NotificationKind.FIRING, NOW.plusSeconds(5));
        List<List<Notification>> due = grouper.due(List.of(later, other, first), NOW);
        assertThat(due).hasSize(1);
        assertThat(due.get(0)).extracting(Notification::alertId).containsExactlyInAnyOrder("a1", "a2");
        assertThat(grouper.due(List.of(later, other), NOW)).isEmpty();
    }
}
