package org.vigia.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigia.events.IrmLevel;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.ValidationException;

/**
 * The progress body reader reads what the strict reader reads, and refuses what it refuses in
 * the same words: for every body below (and for thousands of mutations of valid ones) the outcome
 * of {@link ProgressBodyReader#read} — the items, or the violations — equals that of
 * {@link JsonBodies#read} with the strict reader. Plain bodies take the fast path; every body the
 * fast path is not sure of is left to the strict reader.
 */
class ProgressBodyReaderTest {
    static final String FULL = "{\"updateId\":\"u-1\",\"commitmentId\":\"SCT-1\",\"milestoneId\":\"SCT-1-M1\","
            + "\"percent\":40.5,\"source\":\"IRM\",\"reporter\":\"irm\",\"reportedAt\":\"2014-01-10T12:00:00Z\","
            + "\"evidenceUrl\":\"https://example.org/a.pdf\",\"note\":\"Avance en el diagnóstico\"}";
    static final String LEVEL = "{\"updateId\":\"u-2\",\"commitmentId\":\"SCT-2\",\"level\":\"SUBSTANTIAL\","
            + "\"reportedAt\":\"2014-01-10T12:00:00.250Z\"}";

    /** The outcome of reading a body: its items and shape, or the violations it was refused with. */
    record Outcome(List<ProgressUpdate> items, Boolean array, List<?> violations) {
        static Outcome of(Reader reader, String body) {
            try {
                JsonBodies.Items<ProgressUpdate> read = reader.read(body.getBytes(StandardCharsets.UTF_8));
                return new Outcome(read.items(), read.array(), null);
            } catch (ValidationException e) {
                return new Outcome(null, null, e.violations());
            }
        }
    }

    interface Reader {
        JsonBodies.Items<ProgressUpdate> read(byte[] body);
    }

    static Outcome strict(String body) {
        return Outcome.of(b -> JsonBodies.read(b, ProgressUpdate.class), body);
    }

    static Outcome streaming(String body) {
        return Outcome.of(ProgressBodyReader::read, body);
    }

    static void assertSameAsStrict(String body) {
        assertThat(streaming(body)).as("outcome of %s", body).isEqualTo(strict(body));
    }

    static boolean fast(String body) {
        return ProgressBodyReader.readIfPlain(body.getBytes(StandardCharsets.UTF_8)) != null;
    }

    /** A valid update but for {@code name}, which is given as {@code json} (last). */
    static String field(String name, String json) {
        StringBuilder body = new StringBuilder("{");
        for (String[] f : new String[][] {{"updateId", "\"u-1\""}, {"commitmentId", "\"SCT-1\""},
                {"reportedAt", "\"2014-01-10T12:00:00Z\""}, {"percent", "1"}}) {
            if (!f[0].equals(name)) {
                body.append('"').append(f[0]).append("\":").append(f[1]).append(',');
            }
        }
        return body.append('"').append(name).append("\":").append(json).append('}').toString();
    }

    @Test
    void plainBodiesTakeTheFastPathAndReadExactlyTheStrictReadersValues() {
        List<String> plain = List.of(FULL, LEVEL, "[" + FULL + "," + LEVEL + "]", "  [ " + LEVEL + " ]\n", "\t" + FULL, "\uFEFF" + FULL,
                "{\"updateId\":null,\"commitmentId\":null,\"milestoneId\":null,\"percent\":null,\"level\":null,"
                        + "\"source\":null,\"reporter\":null,\"reportedAt\":null,\"evidenceUrl\":null,\"note\":null}",
                "{}", "[{}]",
                "{\"note\":\"\",\"reporter\":\"\",\"evidenceUrl\":\"\"}",
                "{\"note\":\"\\u00e9\\n\\\"quoted\\\" \\ud83d\\ude00 \\/\"}",
                "{\"percent\":50}", "{\"percent\":-0.0}", "{\"percent\":1e2}", "{\"percent\":1E-7}",
                "{\"percent\":123456789012345678901234567890}", "{\"percent\":0.30000000000000004}",
                "{\"percent\":1e400}",
                "{\"level\":\"NOT_STARTED\",\"source\":\"AGENCY\"}", "{\"level\":\"COMPLETE\",\"source\":\"CSO\"}",
                "{\"level\":\"LIMITED\",\"source\":\"IRM\"}",
                "{\"reportedAt\":\"2014-01-10T12:00:00.123456789Z\"}", "{\"reportedAt\":\"2014-01-10T13:00:00+01:00\"}",
                "{\"reportedAt\":\" 2014-01-10T12:00:00Z \"}", "{\"reportedAt\":\"2016-02-29T23:59:59Z\"}");
        for (String body : plain) {
            assertThat(fast(body)).as("fast path for %s", body).isTrue();
            assertSameAsStrict(body);
        }
        JsonBodies.Items<ProgressUpdate> full = ProgressBodyReader.read(FULL.getBytes(StandardCharsets.UTF_8));
        assertThat(full.items()).containsExactly(ProgressUpdates.irm().id("u-1").commitment("SCT-1").milestone("SCT-1-M1")
                .percent(40.5).at(Instant.parse("2014-01-10T12:00:00Z")).evidence("https://example.org/a.pdf")
                .note("Avance en el diagnóstico").build());
        assertThat(full.array()).isFalse();
        assertThat(ProgressBodyReader.read(("[" + LEVEL + "]").getBytes(StandardCharsets.UTF_8)).items().get(0).level())
                .isEqualTo(IrmLevel.SUBSTANTIAL);
    }

    @Test
    void anUnknownOrRepeatedFieldIsLeftToTheStrictReaderAndRefusedInItsWords() {
        List<String> bodies = new ArrayList<>(List.of("{\"percnt\":40}", "{\"Percent\":40}", "[" + LEVEL + ",{\"x\":1}]"));
        for (String name : List.of("updateId", "commitmentId", "milestoneId", "percent", "level", "source", "reporter",
                "reportedAt", "evidenceUrl", "note")) {
            bodies.add("{\"" + name + "\":null,\"" + name + "\":null}");
            bodies.add("[" + FULL + ",{\"" + name + "\":null,\"note\":\"n\",\"" + name + "\":null}]");
        }
        for (String body : bodies) {
            assertThat(fast(body)).as("fast path for %s", body).isFalse();
            assertSameAsStrict(body);
            assertThat(streaming(body).violations()).as("refusal of %s", body).isNotEmpty();
        }
        assertThat(streaming("{\"percnt\":40}").violations().toString()).contains("percnt").contains("is not a known field");
        assertThat(streaming("{\"note\":\"a\",\"note\":\"b\"}").violations().toString()).contains("note");
    }

    @Test
    void aValueOfAnotherTypeIsLeftToTheStrictReaderAndRefusedNamingTheFieldAndTheType() {
        List<String> wrong = List.of("0", "1.5", "true", "false", "{}", "{\"a\":1}", "[]", "[\"x\"]", "\"\"");
        for (String name : List.of("updateId", "commitmentId", "milestoneId", "percent", "level", "source", "reporter",
                "reportedAt", "evidenceUrl", "note")) {
            for (String json : wrong) {
                String body = field(name, json);
                Outcome strict = strict(body);
                assertThat(streaming(body)).as("outcome of %s", body).isEqualTo(strict);
                if (strict.violations() == null) {
                    continue; // an empty string for a text field is a string: validation decides, not the reader
                }
                assertThat(fast(body)).as("fast path for %s", body).isFalse();
                assertThat(strict.violations().toString()).as("refusal of %s", body).contains(name);
            }
        }
        assertThat(streaming(field("percent", "\"50\"")).violations().toString())
                .contains("must be a number, not a string (\"50\")");
        assertThat(streaming(field("level", "2")).violations().toString()).contains("level").contains("not a number (2)");
        assertThat(streaming(field("reportedAt", "1417392000")).violations().toString())
                .contains("reportedAt").contains("not a number (1417392000)");
    }

    @Test
    void namesAndInstantsTheFastPathDoesNotKnowAreLeftToTheStrictReader() {
        List<String> bodies = List.of(field("level", "\"substantial\""), field("level", "\" LIMITED \""),
                field("level", "\"2\""), field("level", "\"PARTIAL\""), field("source", "\"irm\""), field("source", "\"0\""),
                field("reportedAt", "\"2014-01-10\""), field("reportedAt", "\"2014-01-10T12:00:00\""),
                field("reportedAt", "\"1417392000\""), field("reportedAt", "\"2014-02-30T12:00:00Z\""),
                field("reportedAt", "\"2014-01-10T24:00:00Z\""), field("reportedAt", "\"2014-01-10T12:00:00.1234567891Z\""),
                field("percent", "NaN"), field("percent", "\"NaN\""), field("percent", "+1"), field("percent", "01"));
        for (String body : bodies) {
            assertThat(fast(body)).as("fast path for %s", body).isFalse();
            assertSameAsStrict(body);
        }
    }

    @Test
    void bodiesOfAnotherShapeAreLeftToTheStrictReader() {
        List<String> bodies = List.of("", " ", "null", "[]", " [ ] ", "[[" + FULL + "]]",
                "\"text\"", "40", "true", FULL + FULL, FULL + " x", "[" + FULL + "] []", "[" + FULL + ",]", "[" + FULL,
                FULL.substring(0, FULL.length() - 1), "{\"note\":\"unterminated}", "{'note':'single quotes'}",
                "{note:\"unquoted\"}", "{\"note\":\"a\" /* comment */}", "\uFEFF[" + FULL + "]",
                "\u000B[" + FULL + "]", "{\"note\":\"raw \n newline\"}", "[" + FULL + "," + "{\"percent\":\"1\"}]");
        for (String body : bodies) {
            assertThat(fast(body)).as("fast path for %s", body).isFalse();
            assertSameAsStrict(body);
            assertThat(streaming(body).violations()).as("refusal of %s", body).isNotEmpty();
        }
        for (String body : List.of("[null]", "[" + FULL + ",null]")) {
            assertThat(fast(body)).as("fast path for %s", body).isFalse();
            assertSameAsStrict(body);
            assertThat(streaming(body).items()).as("items of %s (the endpoint refuses the null)", body).containsNull();
        }
    }

    @Test
    void everyMutationOfAValidBodyReadsAsTheStrictReaderReadsIt() {
        String base = "[" + FULL + "," + LEVEL + "]";
        String alphabet = "{}[]:,\"\\ 0123456789.eE+-truefalsn xZT";
        Random random = new Random(11);
        int fastAccepted = 0;
        int refused = 0;
        for (int n = 0; n < 5_000; n++) {
            StringBuilder body = new StringBuilder(base);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(body.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> body.deleteCharAt(at);
                    case 1 -> body.insert(at, c);
                    default -> body.setCharAt(at, c);
                }
            }
            String mutated = body.toString();
            Outcome strict = strict(mutated);
            assertThat(streaming(mutated)).as("outcome of %s", mutated).isEqualTo(strict);
            if (fast(mutated)) {
                fastAccepted++;
                assertThat(strict.violations()).as("strict refusal of %s, read by the fast path", mutated).isNull();
            }
            if (strict.violations() != null) {
                refused++;
            }
        }
        assertThat(fastAccepted).as("mutations read by the fast path").isPositive();
        assertThat(refused).as("mutations refused").isPositive();
    }
}
