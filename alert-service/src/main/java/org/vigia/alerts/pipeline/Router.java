package org.vigia.alerts.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigia.alerts.log.Kind;
import org.vigia.alerts.log.NotificationLog;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.alerts.subscription.Subscriptions;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;

/**
 * Stage 1: who hears about an alert. A firing alert goes to every subscription whose
 * matchers admit it; it is an {@link Kind#ESCALATION} for a subscriber already told about the
 * same alert at a lower severity. A resolved alert goes to exactly the subscribers who were
 * (or are about to be) sent its firing notification, whatever their matchers say now, so
 * nobody is left believing a stall is still on, and nobody hears of an end without a start.
 */
public final class Router {

    public record Route(Subscription subscription, Kind kind) {
    }

    public List<Route> route(Alert alert, Subscriptions subscriptions, NotificationLog log) {
        List<Route> routes = new ArrayList<>();
        if (alert.status() == AlertStatus.RESOLVED) {
            for (String id : log.firingRecipients(alert.alertId())) {
                subscriptions.byId(id).ifPresent(s -> routes.add(new Route(s, Kind.RESOLVED)));
            }
            return routes;
        }
        for (Subscription s : subscriptions.all()) {
            if (s.match().matches(alert)) {
                routes.add(new Route(s, earlierLowerSeverity(s, alert, log) ? Kind.ESCALATION : Kind.FIRING));
            }
        }
        return routes;
    }

    private static boolean earlierLowerSeverity(Subscription s, Alert alert, NotificationLog log) {
        Optional<?> lower = log.about(s.id(), alert.alertId()).stream()
                .filter(n -> n.kind() == Kind.FIRING || n.kind() == Kind.ESCALATION)
                .filter(n -> n.severity().compareTo(alert.severity()) < 0)
                .findAny();
        return lower.isPresent();
    }
}
