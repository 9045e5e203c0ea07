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
 * @param repeatInterval how often a still-firing alert is re-sent to an immediate subscriber;
 *                       {@link Duration#ZERO} turns reminders off
 * @param rateLimitPerHour emails per subscriber per rolling hour; 0 = unlimited
 * @param subscriptionsPoll how often the subscriptions file is checked for changes
 */
public record AlertSettings(
        KafkaSettings kafka,
        String httpHost,
        int httpPort,
        Optional<Path> subscriptionsFile,
        Duration subscriptionsPoll,
        Optional<Path> tokensFile,
        SmtpSettings smtp,
        URI panelUrl,
        Duration groupWait,
        Duration repeatInterval,
        LocalTime digestTime,
        ZoneId digestZone,
        int rateLimitPerHour,
        String consumerGroup) {

    public static AlertSettings from(Env env) {
        KafkaSettings kafka = KafkaSettings.from(env);
        return new AlertSettings(
                kafka,
                env.string("VIGIA_HTTP_HOST", "0.0.0.0"),
                env.integer("VIGIA_HTTP_PORT", 8083, 0, 65535),
                env.existingFile("VIGIA_SUBSCRIPTIONS_FILE"),
                positive(env, "VIGIA_SUBSCRIPTIONS_POLL", Duration.ofSeconds(5)),
                env.existingFile("VIGIA_TOKENS_FILE"),
                SmtpSettings.from(env),
                env.httpUrl("VIGIA_PANEL_URL").orElse(URI.create("http://localhost:8082/")),
                env.duration("VIGIA_GROUP_WAIT", Duration.ofSeconds(30)),
                env.duration("VIGIA_REPEAT_INTERVAL", Duration.ofHours(24)),
                time(env, "VIGIA_DIGEST_TIME", LocalTime.of(8, 0)),
                zone(env, "VIGIA_DIGEST_ZONE", ZoneId.of("America/Mexico_City")),
                env.integer("VIGIA_RATE_LIMIT_PER_HOUR", 20, 0, 100_000),
                consumerGroup(env));
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

    private static String consumerGroup(Env env) {
        String group = env.string("VIGIA_CONSUMER_GROUP", "vigia-alert-service");
        if (!group.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new SettingsException("VIGIA_CONSUMER_GROUP may contain only letters, digits, '.', '_' and '-', was '" + group + "'");
        }
        return group;
    }

    public AlertSettings withSmtp(SmtpSettings smtp) {
        return new AlertSettings(kafka, httpHost, httpPort, subscriptionsFile, subscriptionsPoll, tokensFile, smtp, panelUrl,
                groupWait, repeatInterval, digestTime, digestZone, rateLimitPerHour, consumerGroup);
    }
}
