package org.vigia.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Instants and dates as the edge accepts them: JSON strings in ISO-8601 and nothing else.
 * Jackson's own readers also take epoch numbers ({@code 1417392000}), numeric strings and
 * {@code [2014,1,10]} arrays, which would turn a client's mistake into a wrong date.
 *
 * <p>The common UTC form {@code 2014-01-10T12:00:00Z} (with or without fractions) is parsed
 * by hand: it is on every update, and {@code DateTimeFormatter} was a tenth of ingest's CPU.
 * Anything else goes to the standard ISO parser, so offsets such as {@code +01:00} still read.
 */
final class StrictTime {
    static final String INSTANT_RULE = "must be an ISO-8601 instant in UTC such as 2014-01-10T00:00:00Z";
    static final String DATE_RULE = "must be a date YYYY-MM-DD";

    private StrictTime() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("vigia-strict-time");
        m.addDeserializer(Instant.class, new InstantReader());
        m.addDeserializer(LocalDate.class, new DateReader());
        return m;
    }

    static final class InstantReader extends StdScalarDeserializer<Instant> {
        InstantReader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p.currentToken(), p,
                        INSTANT_RULE + ", given as a string");
            }
            String text = p.getText().trim();
            Instant instant = parseInstant(text);
            return instant != null ? instant : (Instant) ctxt.handleWeirdStringValue(Instant.class, text, INSTANT_RULE);
        }
    }

    /** The instant a JSON string holds, read as the strict reader reads it; null when it holds none. */
    static Instant parseInstant(String text) {
        String trimmed = text.trim();
        Instant fast = parseUtc(trimmed);
        if (fast != null) {
            return fast;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(trimmed, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static final class DateReader extends StdScalarDeserializer<LocalDate> {
        DateReader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p.currentToken(), p,
                        DATE_RULE + ", given as a string");
            }
            String text = p.getText().trim();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, DATE_RULE);
            }
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, or null when the text has another shape (the slow path decides). */
    static Instant parseUtc(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int f = digits(s, 20, fraction);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        } else if (n != 20) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
