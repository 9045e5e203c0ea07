package org.vigia.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.vigia.alerts.log.Kind;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Language;
import org.vigia.events.AlertType;

/** The alert service's meters; tags stay low-cardinality (type, delivery, language, reason). */
public final class AlertMetrics {
    private final MeterRegistry registry;
    private final Timer latency;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("vigia.alert.to.email.latency")
                .description("From the alert record's timestamp to the SMTP send completing")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofDays(8))
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void received(AlertType type) {
        Counter.builder("vigia.alerts.received").tag("type", type.name()).register(registry).increment();
    }

    public void sent(Kind kind, Delivery delivery, Language language) {
        String tag = delivery.digest() ? "digest" : switch (kind) {
            case FIRING, ESCALATION -> "immediate";
            case RESOLVED -> "resolved";
            case REMINDER -> "reminder";
        };
        Counter.builder("vigia.notifications.sent").tag("delivery", tag)
                .tag("language", language.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    public void email() {
        Counter.builder("vigia.emails.sent").description("Emails accepted by the SMTP server").register(registry).increment();
    }

    public void failed(String reason) {
        Counter.builder("vigia.notifications.failed").tag("reason", reason).register(registry).increment();
    }

    public void suppressed(String reason, int count) {
        Counter.builder("vigia.notifications.suppressed").tag("reason", reason).register(registry).increment(count);
    }

    public void latency(Duration d) {
        latency.record(d.isNegative() ? Duration.ZERO : d);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).description(description).register(registry);
    }
}
