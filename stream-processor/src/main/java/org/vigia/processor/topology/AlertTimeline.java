package org.vigia.processor.topology;

import java.util.ArrayList;
import java.util.List;
import org.vigia.events.Alert;

/** The most recent alerts of one plan, newest last (store {@code alert-timeline}). */
public final class AlertTimeline {
    public static final int SIZE = 200;

    public List<Alert> alerts = new ArrayList<>();

    public void add(Alert alert) {
        alerts.add(alert);
        if (alerts.size() > SIZE) {
            alerts.remove(0);
        }
    }
}
