package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.pipeline.Fixtures.agencies;
import static org.vigia.alerts.pipeline.Fixtures.alert;
import static org.vigia.alerts.pipeline.Fixtures.subscription;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Matchers;
import org.vigia.alerts.subscription.Subscriptions;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

class RouterTest {
    private final Router router = new Router();
    private final Subscriptions subs = new Subscriptions(List.of(
            subscription("articulo19", new Matchers(List.of("pgr"), List.of(), List.of(), List.of(), Set.of(AlertType.STALLED), Severity.WARNING), Delivery.IMMEDIATE),
            subscription("sctwatch", agencies("SCT"), Delivery.IMMEDIATE),
            subscription("everyone", Matchers.ALL, Delivery.DAILY)));

    @Test
    void aFiringAlertGoesToEverySubscriptionWhoseMatchersAdmitItIgnoringCaseOfCodes() {
        Alert a = alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING);
        assertThat(router.route(a, subs)).containsExactly("articulo19", "everyone");
    }

    @Test
    void severityBelowTheMinimumOrAnotherTypeIsNotRoutedToThatSubscription() {
        Alert info = alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.INFO);
        Alert overdue = alert("a2", "PGR", AlertType.OVERDUE, AlertStatus.FIRING, Severity.CRITICAL);
        assertThat(router.route(info, subs)).containsExactly("everyone");
        assertThat(router.route(overdue, subs)).containsExactly("everyone");
    }

    @Test
    void aResolutionGoesToEverySubscriberWhoseOwnLogDecidesWhateverTheMatchersSay() {
        Alert resolved = alert("a1", "SCT", AlertType.STALLED, AlertStatus.RESOLVED, Severity.INFO);
        assertThat(router.route(resolved, subs)).containsExactly("articulo19", "sctwatch", "everyone");
    }

    @Test
    void aResolutionOfAOneOffNoticeGoesNowhere() {
        assertThat(router.route(alert("c1", "PGR", AlertType.COMPLETED, AlertStatus.RESOLVED, Severity.INFO), subs)).isEmpty();
    }
}
