package org.vigia.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Language;
import org.vigia.events.AlertType;

/** The alert service's meters; tags stay low-cardinality (type, delivery, language, reason, stage, code). */
public final class AlertMetrics {
    private final MeterRegistry registry;
    private final Timer latency;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("vigia.alert.to.email.latency")
                .description("From the alert record's timestamp to the SMTP server accepting the email")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofDays(8))
                .register(registry);
        // Registered up front so dashboards and rules see a zero before the first event.
        Counter.builder("vigia.alerts.dead.letters").tag("stage", "decode").register(registry);
        Counter.builder("vigia.deliveries.failed").tag("code", "5xx").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void received(AlertType type) {
        Counter.builder("vigia.alerts.received").tag("type", type.name()).register(registry).increment();
    }

    public void sent(NotificationKind kind, Delivery delivery, Language language) {
        String tag = delivery.digest() ? "digest" : switch (kind) {
            case FIRING, ESCALATION, NOTICE -> "immediate";
            case RESOLVED -> "resolved";
            case REMINDER -> "reminder";
        };
        Counter.builder("vigia.notifications.sent").tag("delivery", tag)
                .tag("language", language.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    public void email() {
        Counter.builder("vigia.emails.sent").description("Emails accepted by the SMTP server").register(registry).increment();
    }

    /** A failed attempt, retried or not (reason: connection, auth, smtp, rejected). */
    public void failed(String reason) {
        Counter.builder("vigia.notifications.failed").description("Failed send attempts, one per email and recipient")
                .tag("reason", reason).register(registry).increment();
    }

    /** A recipient's copy refused for good (5xx): it will never arrive. */
    public void deliveryFailed(int code) {
        Counter.builder("vigia.deliveries.failed").description("Recipients whose email the SMTP server refused permanently")
                .tag("code", code >= 500 && code < 600 ? String.valueOf(code) : "5xx").register(registry).increment();
    }

    public void suppressed(String reason, int count) {
        Counter.builder("vigia.notifications.suppressed").tag("reason", reason).register(registry).increment(count);
    }

    /** An alert set aside to the dead-letter topic by a stage that could not handle it. */
    public void deadLettered(String stage) {
        Counter.builder("vigia.alerts.dead.letters").description("Alerts set aside to the dead-letter topic")
                .tag("stage", stage).register(registry).increment();
    }

    public void latency(Duration d) {
        latency.record(d.isNegative() ? Duration.ZERO : d);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }
}
