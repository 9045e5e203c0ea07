package org.vigia.alerts.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.silence.Silence;

/**
 * Stage: drops what an active silence covers when it is due. As in Alertmanager, a silence
 * acts at notification time, and a notification muted by it is recorded as silenced, not
 * saved for later: when the silence ends, the subscriber hears of the alert's next change
 * (or its next reminder), not of what happened during the silence.
 */
public final class SilenceStage {

    public record Split(List<Notification> kept, List<Notification> silenced) {
    }

    public Split split(List<Notification> group, Collection<Silence> silences, Instant now) {
        List<Notification> kept = new ArrayList<>();
        List<Notification> silenced = new ArrayList<>();
        for (Notification n : group) {
            boolean muted = silences.stream().anyMatch(s -> s.mutes(n.subscriber(), n.alert(), now));
            (muted ? silenced : kept).add(n);
        }
        return new Split(kept, silenced);
    }
}
