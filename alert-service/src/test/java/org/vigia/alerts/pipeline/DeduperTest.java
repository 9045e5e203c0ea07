package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.pipeline.Fixtures.NOW;
import static org.vigia.alerts.pipeline.Fixtures.alert;
import static org.vigia.alerts.pipeline.Fixtures.pending;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.log.Kind;
import org.vigia.alerts.log.Notification;
import org.vigia.alerts.log.NotificationLog;
import org.vigia.alerts.log.State;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

class DeduperTest {
    private final Deduper deduper = new Deduper();
    private final NotificationLog log = new NotificationLog();
    private final Alert warning = alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING);
    private final Alert critical = alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.CRITICAL);
    private final Alert resolved = alert("a1", "PGR", AlertType.STALLED, AlertStatus.RESOLVED, Severity.INFO);

    @Test
    void theSameFiringAlertForTheSameSubscriberIsADuplicateWhetherPendingOrSent() {
        assertThat(deduper.isNew(pending("s", warning, Kind.FIRING, NOW), log)).isTrue();
        log.apply(pending("s", warning, Kind.FIRING, NOW));
        assertThat(deduper.isNew(pending("s", warning, Kind.FIRING, NOW), log)).isFalse();
        assertThat(deduper.isNew(pending("other", warning, Kind.FIRING, NOW), log)).isTrue();
    }

    @Test
    void anEscalationIsNewOnceAndALowerSeverityReplayAfterItIsNot() {
        log.apply(pending("s", warning, Kind.FIRING, NOW).withState(State.SENT, NOW, "<1@vigia>", null));
        assertThat(deduper.isNew(pending("s", critical, Kind.ESCALATION, NOW), log)).isTrue();
        log.apply(pending("s", critical, Kind.ESCALATION, NOW));
        assertThat(deduper.isNew(pending("s", critical, Kind.ESCALATION, NOW), log)).isFalse();
        assertThat(deduper.isNew(pending("s", warning, Kind.FIRING, NOW), log)).isFalse();
    }

    @Test
    void aResolutionIsOwedOnlyIfTheFiringWasSentOrGoesInTheSameEmail() {
        Notification r = pending("s", resolved, Kind.RESOLVED, NOW);
        Notification f = pending("s", warning, Kind.FIRING, NOW);
        assertThat(deduper.stillOwed(r, List.of(r), log)).isFalse();
        assertThat(deduper.stillOwed(r, List.of(f, r), log)).isTrue();
        log.apply(f.withState(State.SENT, NOW, "<1@vigia>", null));
        assertThat(deduper.stillOwed(r, List.of(r), log)).isTrue();
    }

    @Test
    void aReminderIsNoLongerOwedOnceTheAlertResolvedAndALaterReminderNumberIsNew() {
        Notification reminder = Notification.pending("s", warning, Kind.REMINDER, 1, Delivery.IMMEDIATE, NOW, NOW, NOW);
        assertThat(deduper.stillOwed(reminder, List.of(reminder), log)).isTrue();
        log.apply(reminder.withState(State.SENT, NOW, "<r1@vigia>", null));
        assertThat(deduper.isNew(reminder, log)).isFalse();
        assertThat(deduper.isNew(Notification.pending("s", warning, Kind.REMINDER, 2, Delivery.IMMEDIATE, NOW, NOW, NOW), log)).isTrue();
        log.apply(pending("s", resolved, Kind.RESOLVED, NOW));
        assertThat(deduper.stillOwed(reminder, List.of(reminder), log)).isFalse();
    }
}
