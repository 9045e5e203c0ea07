package org.vigia.alerts.pipeline;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.alerts.subscription.Subscriptions;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;

/**
 * Stage 1: which subscribers hear about an alert. A firing alert goes to every subscription
 * whose matchers admit it. A resolution goes to every subscriber: only the subscriber's own
 * delivery log (downstream, on the instance that owns the subscriber) knows whether it was
 * told of the opening, and it is told of the end exactly then, whatever its matchers say now.
 * A resolution of a one-off notice is not part of the contract and goes nowhere.
 */
public final class Router {
    /** Alert types that are one-off notices: emailed once, never reminded, never resolved. */
    public static final Set<AlertType> NOTICES = EnumSet.of(AlertType.RESUMED, AlertType.COMPLETED, AlertType.SCOPE_REDUCED);

    public List<String> route(Alert alert, Subscriptions subscriptions) {
        if (alert.status() == AlertStatus.RESOLVED) {
            return NOTICES.contains(alert.type()) ? List.of()
                    : subscriptions.all().stream().map(Subscription::id).toList();
        }
        return subscriptions.all().stream().filter(s -> s.match().matches(alert)).map(Subscription::id).toList();
    }
}
