package org.vigia.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written instant reader and writer give exactly what Jackson's and the JDK's give. */
class WireTimeTest {
    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule());

    record Holder(Instant at) {
    }

    @Test
    void formatsEveryInstantAsInstantToStringDoes() {
        SplittableRandom random = new SplittableRandom(7);
        List<Instant> edges = List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("2014-01-10T12:00:00.120Z"), Instant.parse("2014-01-10T12:00:00.000120Z"),
                Instant.parse("2014-01-10T12:00:00.000000120Z"), Instant.MIN, Instant.MAX,
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"));
        edges.forEach(i -> assertThat(WireTime.format(i)).isEqualTo(i.toString()));
        for (int n = 0; n < 200_000; n++) {
            long seconds = random.nextLong(-62_167_219_200L - 86_400 * 400L, 253_402_300_800L + 86_400 * 400L);
            int nanos = switch (n % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant i = Instant.ofEpochSecond(seconds, nanos);
            assertThat(WireTime.format(i)).isEqualTo(i.toString());
        }
    }

    @Test
    void theWireReaderReadsWhatJacksonsReaderReads() throws Exception {
        List<String> texts = List.of("\"2014-01-10T12:00:00Z\"", "\"2014-01-10T12:00:00.5Z\"",
                "\"2014-01-10T12:00:00.123456789Z\"", "\" 2014-01-10T12:00:00Z \"", "\"2014-01-10T13:00:00+01:00\"",
                "1389355200", "1389355200.5", "\"1389355200\"", "\"2014-01-10T12:00Z\"", "\"2014-01-10T24:00:00Z\"");
        for (String t : texts) {
            String json = "{\"at\":" + t + "}";
            Instant jackson;
            try {
                jackson = JACKSON.readValue(json, Holder.class).at();
            } catch (InvalidFormatException e) {
                assertThatThrownBy(() -> Json.wire().readValue(json, Holder.class)).as(t)
                        .isInstanceOf(InvalidFormatException.class);
                continue;
            }
            assertThat(Json.wire().readValue(json, Holder.class).at()).as(t).isEqualTo(jackson);
        }
    }

    @Test
    void anImpossibleDateIsRefusedAsJacksonRefusesIt() {
        assertThatThrownBy(() -> Json.wire().readValue("{\"at\":\"2014-02-30T12:00:00Z\"}", Holder.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("2014-02-30");
    }

    @Test
    void theWireWriterWritesWhatJacksonWrites() throws Exception {
        ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (Instant i : List.of(Instant.parse("2014-01-10T12:00:00Z"), Instant.parse("2014-01-10T12:00:00.250Z"),
                Instant.parse("2014-01-10T12:00:00.000000001Z"))) {
            assertThat(Json.writeString(new Holder(i))).isEqualTo(jackson.writeValueAsString(new Holder(i)));
        }
    }
}
