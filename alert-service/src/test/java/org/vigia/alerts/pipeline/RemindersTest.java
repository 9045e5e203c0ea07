package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.pipeline.Fixtures.NOW;
import static org.vigia.alerts.pipeline.Fixtures.alert;
import static org.vigia.alerts.pipeline.Fixtures.pending;
import static org.vigia.alerts.pipeline.Fixtures.sent;
import static org.vigia.alerts.pipeline.Fixtures.subscription;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.notification.NotificationLog;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Matchers;
import org.vigia.alerts.subscription.Subscriptions;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

class RemindersTest {
    private final Grouper grouper = new Grouper(Duration.ofSeconds(30), new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("UTC")));
    private final Reminders reminders = new Reminders(Duration.ofHours(24), grouper);
    private final Subscriptions subs = new Subscriptions(List.of(subscription("s", Matchers.ALL, Delivery.IMMEDIATE),
            subscription("d", Matchers.ALL, Delivery.DAILY)));
    private final NotificationLog log = NotificationLog.inMemory();

    @Test
    void anOpenEpisodeIsRemindedARepeatIntervalAfterTheLastEmailAboutIt() {
        log.put(sent(pending("s", alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING), NotificationKind.FIRING, NOW), NOW));
        assertThat(reminders.due(log, subs, NOW.plus(Duration.ofHours(24)).minusMillis(1))).isEmpty();
        assertThat(reminders.due(log, subs, NOW.plus(Duration.ofHours(24))))
                .singleElement().satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(NotificationKind.REMINDER);
                    assertThat(r.sequence()).isEqualTo(1);
                });
    }

    @Test
    void oneOffNoticesResolvedEpisodesAndDigestSubscribersAreNeverReminded() {
        for (AlertType notice : List.of(AlertType.RESUMED, AlertType.COMPLETED, AlertType.SCOPE_REDUCED)) {
            log.put(sent(pending("s", alert("n-" + notice, "PGR", notice, AlertStatus.FIRING, Severity.INFO), NotificationKind.NOTICE, NOW), NOW));
        }
        log.put(sent(pending("d", alert("a2", "PGR", AlertType.OVERDUE, AlertStatus.FIRING, Severity.CRITICAL), NotificationKind.FIRING, NOW), NOW));
        log.put(sent(pending("s", alert("a3", "PGR", AlertType.AT_RISK, AlertStatus.FIRING, Severity.WARNING), NotificationKind.FIRING, NOW), NOW));
        log.put(pending("s", alert("a3", "PGR", AlertType.AT_RISK, AlertStatus.RESOLVED, Severity.WARNING), NotificationKind.RESOLVED, NOW));
        assertThat(reminders.due(log, subs, NOW.plus(Duration.ofDays(30)))).isEmpty();
    }
}
