package org.vigia.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants on the topics, read and written without {@code DateTimeFormatter} in the common case.
 * Every update, status and alert carries several; in a profile of the stream-processor the JDK's
 * formatter was about 6 % of the stream thread. The results are exactly those of Jackson's
 * {@code InstantDeserializer} and of {@link Instant#toString()}: a string of the UTC shape
 * {@code 2014-01-10T12:00:00[.f…]Z} is read by hand, anything else (offsets, epoch numbers)
 * by Jackson's reader; years outside 0000–9999 are written by the JDK.
 */
public final class WireTime {
    private static final int SECONDS_PER_DAY = 86_400;

    private WireTime() {
    }

    /** The wire mapper's instant reader and every mapper's instant writer. */
    static SimpleModule readerModule() {
        return new SimpleModule("vigia-wire-time-reader").addDeserializer(Instant.class, new Reader());
    }

    static SimpleModule writerModule() {
        return new SimpleModule("vigia-wire-time-writer").addSerializer(Instant.class, new Writer());
    }

    /** {@code instant.toString()}, faster. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        if (day < -719_528 || day > 2_932_896) { // before 0000-01-01 or after 9999-12-31
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        int nanos = instant.getNano();
        char[] out = new char[nanos == 0 ? 20 : 30];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3_600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int end = 19;
        if (nanos != 0) {
            out[19] = '.';
            int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
            put(out, 20, value, digits);
            end = 20 + digits;
        }
        out[end] = 'Z';
        return new String(out, 0, end + 1);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {
        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                Instant fast = StrictTime.parseUtc(p.getText().trim());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }

    private static final class Writer extends StdScalarSerializer<Instant> {
        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeString(format(value));
        }
    }
}
