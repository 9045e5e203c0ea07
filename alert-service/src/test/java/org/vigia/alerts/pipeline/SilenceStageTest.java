package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.pipeline.Fixtures.NOW;
import static org.vigia.alerts.pipeline.Fixtures.agencies;
import static org.vigia.alerts.pipeline.Fixtures.alert;
import static org.vigia.alerts.pipeline.Fixtures.pending;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.silence.Silence;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

class SilenceStageTest {
    private final Notification pgrForA19 = pending("articulo19", alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING), NotificationKind.FIRING, NOW);
    private final Notification pgrForCidac = pending("cidac", alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING), NotificationKind.FIRING, NOW);
    private final Notification sctForA19 = pending("articulo19", alert("a2", "SCT", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING), NotificationKind.FIRING, NOW);

    private static Silence silence(String subscriber, long fromSeconds, long toSeconds) {
        return new Silence("s1", agencies("PGR"), subscriber, NOW.plusSeconds(fromSeconds), NOW.plusSeconds(toSeconds), "admin", "c", NOW);
    }

    @Test
    void anActiveSilenceMutesWhatItsMatchersCoverForItsSubscriberOnly() {
        SilenceStage.Split split = new SilenceStage().split(List.of(pgrForA19, pgrForCidac, sctForA19),
                List.of(silence("articulo19", -10, 10)), NOW);
        assertThat(split.silenced()).containsExactly(pgrForA19);
        assertThat(split.kept()).containsExactly(pgrForCidac, sctForA19);
    }

    @Test
    void aSilenceForEveryoneMutesAllSubscribersButOnlyBetweenItsStartAndEnd() {
        List<Notification> group = List.of(pgrForA19, pgrForCidac);
        assertThat(new SilenceStage().split(group, List.of(silence(null, -10, 10)), NOW).silenced()).hasSize(2);
        assertThat(new SilenceStage().split(group, List.of(silence(null, 5, 10)), NOW).silenced()).isEmpty();
        assertThat(new SilenceStage().split(group, List.of(silence(null, -10, 0)), NOW).silenced()).isEmpty();
    }
}
