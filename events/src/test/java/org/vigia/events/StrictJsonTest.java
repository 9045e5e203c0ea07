package org.vigia.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edge reader coerces no scalar: each kind of coercion is refused naming the field, the type and what was sent. */
class StrictJsonTest {

    /** A record with a boolean, which no input record of the contract has. */
    record Flagged(Boolean flag) implements Validated {
        @Override
        public List<Violation> violations() {
            return List.of();
        }
    }

    static Violation strictViolation(String json, String path, String rawValue, Class<? extends Validated> type) {
        byte[] body = Fixtures.with(json, path, rawValue);
        try {
            Json.readStrict(body, type);
        } catch (ValidationException e) {
            assertThat(e.violations()).hasSize(1);
            return e.violations().get(0);
        }
        throw new AssertionError(path + " = " + rawValue + " was accepted by the strict reader");
    }

    @Test
    void aNumberGivenAsAStringIsRefused() {
        assertThat(strictViolation(Fixtures.PROGRESS, "percent", "\"50\"", ProgressUpdate.class))
                .isEqualTo(new Violation("percent", "must be a number, not a string (\"50\")"));
        assertThat(strictViolation(Fixtures.NEWS, "weight", "\"1.5\"", NewsSignal.class).rule())
                .isEqualTo("must be a number, not a string (\"1.5\")");
    }

    @Test
    void aWholeNumberGivenAsAStringIsRefused() {
        assertThat(strictViolation(Fixtures.COMMITMENT, "stallAfterDays", "\"90\"", Commitment.class))
                .isEqualTo(new Violation("stallAfterDays", "must be a whole number, not a string (\"90\")"));
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefusedEvenWhenItsFractionIsZero() {
        assertThat(strictViolation(Fixtures.COMMITMENT, "stallAfterDays", "60.5", Commitment.class))
                .isEqualTo(new Violation("stallAfterDays", "must be a whole number, not a fraction (60.5)"));
        assertThat(strictViolation(Fixtures.COMMITMENT, "stallAfterDays", "60.0", Commitment.class).rule())
                .isEqualTo("must be a whole number, not a fraction (60.0)");
    }

    @Test
    void anEnumGivenAsANumberIsNotReadAsItsOrdinal() {
        byte[] body = Fixtures.with(new String(Fixtures.with(Fixtures.PROGRESS, "percent", null)), "level", "2");
        assertThatThrownBy(() -> Json.readStrict(body, ProgressUpdate.class)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).containsExactly(new Violation("level",
                        "must be one of NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE, not a number (2)")));
        assertThat(strictViolation(Fixtures.NEWS, "kind", "0", NewsSignal.class).rule())
                .isEqualTo("must be one of SCANDAL, LEADERSHIP_CHANGE, GENERAL, not a number (0)");
    }

    @Test
    void anEnumGivenAsAStringOfItsOrdinalIsRefused() {
        assertThat(strictViolation(Fixtures.PROGRESS, "source", "\"1\"", ProgressUpdate.class).rule())
                .isEqualTo("must be one of AGENCY, CSO, IRM (was \"1\")");
    }

    @Test
    void anInstantGivenAsAnEpochNumberIsRefused() {
        assertThat(strictViolation(Fixtures.PROGRESS, "reportedAt", "1417392000", ProgressUpdate.class))
                .isEqualTo(new Violation("reportedAt",
                        "must be an ISO-8601 instant in UTC such as 2014-01-10T00:00:00Z, not a number (1417392000)"));
        String fraction = Fixtures.PROGRESS.replace("\"2014-01-10T12:00:00Z\"", "1417392000.5");
        assertThatThrownBy(() -> Json.readStrict(fraction.getBytes(), ProgressUpdate.class))
                .hasMessageEndingWith(", not a fraction (1417392000.5)");
    }

    @Test
    void anInstantGivenAsAStringOfDigitsIsRefused() {
        assertThat(strictViolation(Fixtures.NEWS, "publishedAt", "\"1417392000\"", NewsSignal.class).rule())
                .isEqualTo("must be an ISO-8601 instant in UTC such as 2014-01-10T00:00:00Z (was \"1417392000\")");
    }

    @Test
    void aDateGivenAsANumberOrAnArrayIsRefused() {
        assertThat(strictViolation(Fixtures.COMMITMENT, "startDate", "16000", Commitment.class).rule())
                .isEqualTo("must be a date YYYY-MM-DD, not a number (16000)");
        assertThat(strictViolation(Fixtures.COMMITMENT, "dueDate", "[2015,10,31]", Commitment.class).rule())
                .isEqualTo("must be a date YYYY-MM-DD, not an array");
    }

    @Test
    void aStringGivenAsANumberOrABooleanIsRefused() {
        assertThat(strictViolation(Fixtures.PROGRESS, "updateId", "123", ProgressUpdate.class))
                .isEqualTo(new Violation("updateId", "must be a string, not a number (123)"));
        assertThat(strictViolation(Fixtures.PROGRESS, "note", "true", ProgressUpdate.class).rule())
                .isEqualTo("must be a string, not true");
        assertThat(strictViolation(Fixtures.NEWS, "title", "1.5", NewsSignal.class).rule())
                .isEqualTo("must be a string, not a fraction (1.5)");
    }

    @Test
    void aBooleanGivenAsANumberOrAStringIsRefused() {
        assertThatThrownBy(() -> Json.readStrict("{\"flag\":1}".getBytes(), Flagged.class))
                .isInstanceOf(ValidationException.class).hasMessage("flag: must be true or false, not a number (1)");
        assertThatThrownBy(() -> Json.readStrict("{\"flag\":\"true\"}".getBytes(), Flagged.class))
                .hasMessage("flag: must be true or false, not a string (\"true\")");
        assertThat(Json.readStrict("{\"flag\":true}".getBytes(), Flagged.class).flag()).isTrue();
    }

    @Test
    void anEmptyStringIsNotANullValue() {
        assertThat(strictViolation(Fixtures.PROGRESS, "percent", "\"\"", ProgressUpdate.class).rule())
                .isEqualTo("must be a number, not an empty string");
        assertThat(strictViolation(Fixtures.PROGRESS, "level", "\"\"", ProgressUpdate.class).rule())
                .startsWith("must be one of NOT_STARTED");
    }

    @Test
    void aSingleValueIsNotAList() {
        assertThat(strictViolation(Fixtures.NEWS, "agencies", "\"PGR\"", NewsSignal.class).rule())
                .isEqualTo("must be a JSON array, not a string (\"PGR\")");
    }

    @Test
    void whatTheStrictReaderAcceptsItReadsExactly() {
        ProgressUpdate u = Json.readStrict(Fixtures.with(Fixtures.PROGRESS, "reportedAt", "\"2014-01-10T12:00:00.25Z\""),
                ProgressUpdate.class);
        assertThat(u.reportedAt()).isEqualTo(Instant.parse("2014-01-10T12:00:00.250Z"));
        assertThat(u.percent()).isEqualTo(40.0);
        ProgressUpdate offset = Json.readStrict(Fixtures.with(Fixtures.PROGRESS, "reportedAt",
                "\"2014-01-10T13:00:00+01:00\""), ProgressUpdate.class);
        assertThat(offset.reportedAt()).isEqualTo(Instant.parse("2014-01-10T12:00:00Z"));
        Commitment c = Json.readStrict(Fixtures.COMMITMENT.getBytes(), Commitment.class);
        assertThat(c.dueDate()).isEqualTo(LocalDate.of(2015, 10, 31));
        assertThat(c.milestones().get(0).weight()).isEqualTo(1.0);
    }

    @Test
    void theHandParsedInstantAgreesWithTheStandardParser() {
        for (String s : List.of("2014-01-10T12:00:00Z", "2016-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00.1Z",
                "2099-12-31T00:00:00.000Z")) {
            assertThat(StrictTime.parseUtc(s)).as(s).isEqualTo(Instant.parse(s));
        }
        for (String s : List.of("2015-02-29T00:00:00Z", "2014-13-01T00:00:00Z", "2014-01-10T24:00:00Z", "2014-01-10 12:00:00Z",
                "2014-01-10T12:00:00.Z", "2014-01-10T12:00:00+01:00")) {
            assertThat(StrictTime.parseUtc(s)).as(s).isNull();
        }
        assertThatThrownBy(() -> Json.readStrict(Fixtures.with(Fixtures.PROGRESS, "reportedAt", "\"2015-02-29T00:00:00Z\""),
                ProgressUpdate.class)).hasMessage("reportedAt: must be an ISO-8601 instant in UTC such as 2014-01-10T00:00:00Z"
                + " (was \"2015-02-29T00:00:00Z\")");
    }

    @Test
    void theInstantOfAStringIsWhatTheStrictReaderReadsFromIt() {
        for (String s : List.of("2014-01-10T12:00:00Z", " 2014-01-10T12:00:00.25Z ", "2014-01-10T13:00:00+01:00",
                "2016-02-29T23:59:59.999999999Z")) {
            Instant read = Json.readStrict(Fixtures.with(Fixtures.PROGRESS, "reportedAt", "\"" + s + "\""),
                    ProgressUpdate.class).reportedAt();
            assertThat(Json.instant(s)).as(s).isEqualTo(read);
        }
        for (String s : List.of("", "2015-02-29T00:00:00Z", "1417392000", "2014-01-10", "2014-01-10T12:00:00")) {
            assertThat(Json.instant(s)).as(s).isNull();
            assertThatThrownBy(() -> Json.readStrict(Fixtures.with(Fixtures.PROGRESS, "reportedAt", "\"" + s + "\""),
                    ProgressUpdate.class)).as(s).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void theTopicReaderStaysTolerantOfUnknownFields() {
        ProgressUpdate u = Json.read(Fixtures.with(Fixtures.PROGRESS, "addedLater", "\"x\""), ProgressUpdate.class);
        assertThat(u.updateId()).isEqualTo("u-1");
        assertThatThrownBy(() -> Json.readStrict(Fixtures.with(Fixtures.PROGRESS, "addedLater", "\"x\""), ProgressUpdate.class))
                .hasMessage("addedLater: is not a known field");
    }
}
