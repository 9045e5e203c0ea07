package org.vigia.alerts.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Language;
import org.vigia.alerts.subscription.Matchers;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

final class Fixtures {
    static final Instant NOW = Instant.parse("2026-05-11T13:00:00Z");

    private Fixtures() {
    }

    static Alert alert(String id, String agency, AlertType type, AlertStatus status, Severity severity) {
        return new Alert(id, type, status, severity, "MX-" + agency + "-01", "MX-2013", agency, "justice-security",
                "Registro de detenidos", NOW, "resumen", AlertDetails.NONE);
    }

    static Subscription subscription(String id, Matchers match, Delivery delivery) {
        return new Subscription(id, id, List.of("alertas@" + id + ".example"), Language.ES, match, delivery);
    }

    static Matchers agencies(String... agencies) {
        return new Matchers(List.of(agencies), List.of(), List.of(), List.of(), Set.of(), null);
    }

    static Notification pending(String subscriber, Alert alert, NotificationKind kind, Instant dueAt) {
        return Notification.pending(subscriber, alert, kind, 0, Delivery.IMMEDIATE, NOW, dueAt, NOW,
                List.of("alertas@" + subscriber + ".example"));
    }

    /** The notification as the log holds it once its one recipient's copy was accepted. */
    static Notification sent(Notification n, Instant at) {
        return n.withRecipients(java.util.Map.of(n.recipients().get(0).id(), r -> r.sent(at, "<m@vigia>")), at);
    }
}
