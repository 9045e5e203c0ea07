package org.vigia.alerts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.vigia.alerts.mail.SmtpSettings;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.SettingsException;

/**
 * Everything the alert service reads from the environment, read in one place.
 *
 * @param applicationId the Kafka Streams application id, the same on every instance (default
 *                      {@code <prefix>alert-service}); it names the consumer group and prefixes the
 *                      internal topics
 * @param advertisedHost host:port other instances use to reach this one's delivery log; empty
 *                       means {@code 127.0.0.1:<bound port>}
 * @param standbyReplicas warm copies of each subscriber partition on other instances
 * @param repeatInterval how often a still-open episode is re-sent to an immediate subscriber;
 *                       {@link Duration#ZERO} turns reminders off
 * @param rateLimitPerHour emails per subscriber per rolling hour; 0 = unlimited
 * @param subscriptionsPoll how often the subscriptions file is checked for changes
 * @param subscriptionContact the address that changes, pauses or ends a subscription (footer, List-Unsubscribe)
 */
public record AlertSettings(
        KafkaSettings kafka,
        String httpHost,
        int httpPort,
        String applicationId,
        Path stateDir,
        Optional<String> advertisedHost,
        int standbyReplicas,
        Duration commitInterval,
        Optional<Path> subscriptionsFile,
        Duration subscriptionsPoll,
        Optional<Path> tokensFile,
        SmtpSettings smtp,
        URI panelUrl,
        String subscriptionContact,
        Duration groupWait,
        Duration repeatInterval,
        LocalTime digestTime,
        ZoneId digestZone,
        int rateLimitPerHour) {

    public static AlertSettings from(Env env) {
        if (env.optional("VIGIA_CONSUMER_GROUP").isPresent()) {
            throw new SettingsException("VIGIA_CONSUMER_GROUP is no longer read: the alert service is a Kafka Streams "
                    + "application; set VIGIA_APPLICATION_ID (the same on every instance) instead");
        }
        KafkaSettings kafka = KafkaSettings.from(env);
        SmtpSettings smtp = SmtpSettings.from(env);
        return new AlertSettings(
                kafka,
                env.string("VIGIA_HTTP_HOST", "0.0.0.0"),
                env.integer("VIGIA_HTTP_PORT", 8083, 0, 65535),
                applicationId(env, kafka.topics().prefix + "alert-service"),
                Path.of(env.string("VIGIA_STATE_DIR", ".vigia/alert-state")),
                advertisedHost(env),
                env.integer("VIGIA_STANDBY_REPLICAS", 1, 0, 10),
                positive(env, "VIGIA_COMMIT_INTERVAL", Duration.ofMillis(100)),
                env.existingFile("VIGIA_SUBSCRIPTIONS_FILE"),
                positive(env, "VIGIA_SUBSCRIPTIONS_POLL", Duration.ofSeconds(5)),
                env.existingFile("VIGIA_TOKENS_FILE"),
                smtp,
                env.httpUrl("VIGIA_PANEL_URL").orElse(URI.create("http://localhost:8082/")),
                contact(env, smtp),
                env.duration("VIGIA_GROUP_WAIT", Duration.ofSeconds(30)),
                env.duration("VIGIA_REPEAT_INTERVAL", Duration.ofHours(24)),
                time(env, "VIGIA_DIGEST_TIME", LocalTime.of(8, 0)),
                zone(env, "VIGIA_DIGEST_ZONE", ZoneId.of("America/Mexico_City")),
                env.integer("VIGIA_RATE_LIMIT_PER_HOUR", 20, 0, 100_000));
    }

    private static String applicationId(Env env, String defaultValue) {
        String id = env.string("VIGIA_APPLICATION_ID", defaultValue);
        if (!id.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new SettingsException("VIGIA_APPLICATION_ID may contain only letters, digits, '.', '_' and '-', was '" + id + "'");
        }
        return id;
    }

    private static Optional<String> advertisedHost(Env env) {
        Optional<String> advertised = env.optional("VIGIA_ADVERTISED_HOST");
        advertised.ifPresent(a -> {
            if (!a.matches("[A-Za-z0-9.\\-]+:[0-9]{1,5}")) {
                throw new SettingsException("VIGIA_ADVERTISED_HOST must be host:port, was '" + a + "'");
            }
        });
        return advertised;
    }

    private static String contact(Env env, SmtpSettings smtp) {
        String contact = env.string("VIGIA_SUBSCRIPTION_CONTACT", smtp.from().getAddress());
        if (!contact.matches("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
            throw new SettingsException("VIGIA_SUBSCRIPTION_CONTACT must be an email address, was '" + contact + "'");
        }
        return contact;
    }

    private static Duration positive(Env env, String name, Duration defaultValue) {
        Duration d = env.duration(name, defaultValue);
        if (d.isZero()) {
            throw new SettingsException(name + " must be longer than zero");
        }
        return d;
    }

    private static LocalTime time(Env env, String name, LocalTime defaultValue) {
        Optional<String> raw = env.optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return LocalTime.parse(raw.get());
        } catch (DateTimeParseException e) {
            throw new SettingsException(name + " must be a time of day HH:MM such as 08:00, was '" + raw.get() + "'");
        }
    }

    private static ZoneId zone(Env env, String name, ZoneId defaultValue) {
        Optional<String> raw = env.optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return ZoneId.of(raw.get());
        } catch (RuntimeException e) {
            throw new SettingsException(name + " must be an IANA time zone such as America/Mexico_City, was '" + raw.get() + "'");
        }
    }
}
