package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.pipeline.Fixtures.NOW;
import static org.vigia.alerts.pipeline.Fixtures.agencies;
import static org.vigia.alerts.pipeline.Fixtures.alert;
import static org.vigia.alerts.pipeline.Fixtures.pending;
import static org.vigia.alerts.pipeline.Fixtures.subscription;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.log.Kind;
import org.vigia.alerts.log.NotificationLog;
import org.vigia.alerts.log.State;
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
        assertThat(router.route(a, subs, new NotificationLog())).extracting(r -> r.subscription().id(), Router.Route::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("articulo19", Kind.FIRING),
                        org.assertj.core.groups.Tuple.tuple("everyone", Kind.FIRING));
    }

    @Test
    void severityBelowTheMinimumOrAnotherTypeIsNotRoutedToThatSubscription() {
        Alert info = alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.INFO);
        Alert overdue = alert("a2", "PGR", AlertType.OVERDUE, AlertStatus.FIRING, Severity.CRITICAL);
        assertThat(router.route(info, subs, new NotificationLog())).extracting(r -> r.subscription().id()).containsExactly("everyone");
        assertThat(router.route(overdue, subs, new NotificationLog())).extracting(r -> r.subscription().id()).containsExactly("everyone");
    }

    @Test
    void aHigherSeverityThanWhatWasAlreadyToldIsAnEscalation() {
        NotificationLog log = new NotificationLog();
        Alert warning = alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING);
        log.apply(pending("articulo19", warning, Kind.FIRING, NOW).withState(State.SENT, NOW, "<m@vigia>", null));
        Alert critical = alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.CRITICAL);
        assertThat(router.route(critical, subs, log)).extracting(r -> r.subscription().id(), Router.Route::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("articulo19", Kind.ESCALATION),
                        org.assertj.core.groups.Tuple.tuple("everyone", Kind.FIRING));
    }

    @Test
    void aResolutionGoesOnlyToSubscribersWithASentOrPendingFiringWhateverTheirMatchersSay() {
        NotificationLog log = new NotificationLog();
        Alert firing = alert("a1", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING);
        log.apply(pending("articulo19", firing, Kind.FIRING, NOW).withState(State.SENT, NOW, "<m@vigia>", null));
        log.apply(pending("everyone", firing, Kind.FIRING, NOW).withState(State.SILENCED, NOW, null, "silenced"));
        Alert resolved = alert("a1", "PGR", AlertType.STALLED, AlertStatus.RESOLVED, Severity.INFO);
        assertThat(router.route(resolved, subs, log)).extracting(r -> r.subscription().id(), Router.Route::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("articulo19", Kind.RESOLVED));
    }
}
