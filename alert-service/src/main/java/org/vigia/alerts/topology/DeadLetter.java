package org.vigia.alerts.topology;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An alert that a stage could not handle, set aside to the alert service's dead-letter topic
 * so the alerts behind it go on: the original key and bytes, and headers that say who set it
 * aside, where and why — {@code vigia.service} ({@code alert-service}), {@code vigia.stage}
 * ({@code decode}, {@code route}, {@code dedupe}, {@code send}), {@code vigia.reason} (a short
 * word), {@code vigia.error} (the message, which names the field and rule for an invalid
 * alert), and the record's origin ({@code vigia.origin.topic}, {@code .partition},
 * {@code .offset}, {@code .timestamp}) where it is known.
 */
public record DeadLetter(byte[] key, byte[] value, Headers headers) implements RouteOutput {
    public static final String SERVICE = "alert-service";

    public static DeadLetter of(String key, byte[] value, String stage, String reason, Throwable error, Origin origin) {
        RecordHeaders h = new RecordHeaders();
        header(h, "vigia.service", SERVICE);
        header(h, "vigia.stage", stage);
        header(h, "vigia.reason", reason);
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        header(h, "vigia.error", error.getClass().getName() + ": " + message.replaceAll("[^\\s<>\"]+@[^\\s<>\"]+", "<address>"));
        if (origin != null) {
            header(h, "vigia.origin.topic", origin.topic());
            header(h, "vigia.origin.partition", String.valueOf(origin.partition()));
            header(h, "vigia.origin.offset", String.valueOf(origin.offset()));
            header(h, "vigia.origin.timestamp", String.valueOf(origin.timestamp()));
        }
        return new DeadLetter(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, h);
    }

    /** Where the record came from; partition and offset are -1 when not known (a record from a punctuation). */
    public record Origin(String topic, int partition, long offset, long timestamp) {
    }

    /** The reason word for an exception: its simple class name in snake case. */
    public static String reasonOf(Throwable e) {
        return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static void header(RecordHeaders h, String name, String value) {
        if (value != null) {
            h.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
