package org.vigia.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SerdeRoundTripTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of(Commitment.class, Fixtures.COMMITMENT),
                Arguments.of(ProgressUpdate.class, Fixtures.PROGRESS),
                Arguments.of(NewsSignal.class, Fixtures.NEWS),
                Arguments.of(Tick.class, Fixtures.TICK),
                Arguments.of(Tick.class, Fixtures.TICK_FOLLOWING),
                Arguments.of(CommitmentStatus.class, Fixtures.STATUS),
                Arguments.of(SectorCompletion.class, Fixtures.SECTOR),
                Arguments.of(Alert.class, Fixtures.ALERT),
                Arguments.of(Amendment.class, Fixtures.AMENDMENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    <T extends Validated> void everyRecordSurvivesTheSerdeUnchanged(Class<T> type, String json) {
        JsonSerde<T> serde = new JsonSerde<>(type);
        T first = serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
        byte[] written = serde.serializer().serialize("t", first);
        T second = serde.deserializer().deserialize("t", written);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void commitmentReadsEveryFieldWithDatesAndRiskFactors() {
        Commitment c = Json.read(Fixtures.COMMITMENT, Commitment.class);
        assertThat(c.startDate()).isEqualTo(LocalDate.of(2013, 11, 1));
        assertThat(c.milestones()).extracting(Milestone::id).containsExactly("m1", "m2");
        assertThat(c.riskFactors()).containsEntry(RiskFactor.CONSTITUTIONAL_LIMITS, RiskLevel.HIGH);
        assertThat(c.totalWeight()).isEqualTo(3.0);
        assertThat(c.leadCso()).isEqualTo("Artículo 19");
    }

    @Test
    void cutoffDatesAreReadInOrderAndAreOptional() {
        Commitment c = Json.read(Fixtures.COMMITMENT, Commitment.class);
        assertThat(c.cutoffs()).containsExactly(LocalDate.of(2014, 10, 27), LocalDate.of(2015, 3, 8),
                LocalDate.of(2015, 7, 22));
        assertThat(Json.writeString(c)).contains("\"cutoffs\":[\"2014-10-27\",\"2015-03-08\",\"2015-07-22\"]");
        assertThat(Json.readStrict(Fixtures.COMMITMENT.getBytes(StandardCharsets.UTF_8), Commitment.class))
                .isEqualTo(c);
        Commitment without = Json.read(Fixtures.with(Fixtures.COMMITMENT, "cutoffs", null), Commitment.class);
        assertThat(without.cutoffs()).isEmpty();
        assertThat(without).isEqualTo(c.withCutoffs(List.of()));
    }

    @Test
    void milestoneWeightDefaultsToOne() {
        Commitment c = Json.read(Fixtures.with(Fixtures.COMMITMENT, "milestones[1].weight", null), Commitment.class);
        assertThat(c.milestones().get(1).weight()).isEqualTo(1.0);
    }

    @Test
    void stallAfterDaysFallsBackToTheConfiguredDefault() {
        Commitment c = Json.read(Fixtures.with(Fixtures.COMMITMENT, "stallAfterDays", null), Commitment.class);
        assertThat(c.stallAfterDaysOr(90)).isEqualTo(90);
    }

    @Test
    void emptyMilestonesAreAllowed() {
        Commitment c = Json.read(Fixtures.with(Fixtures.COMMITMENT, "milestones", "[]"), Commitment.class);
        assertThat(c.milestones()).isEmpty();
    }

    @Test
    void irmLevelsMapToPercent() {
        String withoutPercent = new String(Fixtures.with(Fixtures.PROGRESS, "percent", null), StandardCharsets.UTF_8);
        ProgressUpdate u = Json.read(Fixtures.with(withoutPercent, "level", "\"SUBSTANTIAL\""), ProgressUpdate.class);
        assertThat(u.effectivePercent()).isEqualTo(75.0);
        assertThat(IrmLevel.NOT_STARTED.percent()).isZero();
        assertThat(IrmLevel.LIMITED.percent()).isEqualTo(25.0);
        assertThat(IrmLevel.COMPLETE.percent()).isEqualTo(100.0);
    }

    @Test
    void instantsAreWrittenAsIsoUtcAndDatesAsPlainDates() {
        String json = Json.writeString(new Tick(Instant.parse("2014-09-26T00:00:00Z")));
        assertThat(json).isEqualTo("{\"at\":\"2014-09-26T00:00:00Z\"}");
        String commitment = Json.writeString(Json.read(Fixtures.COMMITMENT, Commitment.class));
        assertThat(commitment).contains("\"startDate\":\"2013-11-01\"").contains("\"constitutionalLimits\":\"HIGH\"");
    }

    @Test
    void unknownFieldsAreIgnoredOnTheWireButRejectedAtTheEdge() {
        byte[] json = Fixtures.with(Fixtures.PROGRESS, "percnt", "40");
        assertThat(Json.read(json, ProgressUpdate.class).updateId()).isEqualTo("u-1");
        assertThatThrownBy(() -> Json.readStrict(json, ProgressUpdate.class))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("percnt", "is not a known field")));
    }

    @Test
    void aFieldGivenTwiceIsRejectedAtTheEdge() {
        byte[] json = "{\"at\":\"2014-01-01T00:00:00Z\",\"at\":\"2015-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.readStrict(json, Tick.class))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .contains("Duplicate field 'at'"));
    }

    @Test
    void deserializerRejectsInvalidRecordsNamingTheFieldSoStreamsCanDeadLetterThem() {
        JsonSerde<ProgressUpdate> serde = new JsonSerde<>(ProgressUpdate.class);
        byte[] bad = Fixtures.with(Fixtures.PROGRESS, "percent", "140");
        assertThatThrownBy(() -> serde.deserializer().deserialize("vigia.progress", bad))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("vigia.progress")
                .hasMessageContaining("percent: must be between 0 and 100");
    }

    @Test
    void garbageBytesAreRejectedAsInvalidJson() {
        JsonSerde<Tick> serde = new JsonSerde<>(Tick.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("(body): is not valid JSON");
    }

    @Test
    void nullPayloadIsATombstone() {
        assertThat(new JsonSerde<>(Commitment.class).deserializer().deserialize("t", null)).isNull();
        assertThat(new JsonSerde<>(Commitment.class).serializer().serialize("t", null)).isNull();
    }

    @Test
    void batchViolationsArePrefixedWithTheItemIndexAndNothingIsReturned() {
        String batch = "[" + Fixtures.PROGRESS + "," + new String(Fixtures.with(Fixtures.PROGRESS, "percent", "101"),
                StandardCharsets.UTF_8) + "]";
        assertThatThrownBy(() -> Json.readStrictList(batch.getBytes(StandardCharsets.UTF_8), ProgressUpdate.class))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("[1].percent", "must be between 0 and 100 (was 101.0)")));
    }

    @Test
    void aBatchMustBeAnArray() {
        assertThatThrownBy(() -> Json.readStrictList(Fixtures.PROGRESS.getBytes(StandardCharsets.UTF_8), ProgressUpdate.class))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).field())
                        .isEqualTo("(body)"));
    }

    @Test
    void agencyWideAlertsAreKeyedByAgency() {
        Alert spike = new Alert("PGR:SENSITIVITY_SPIKE:2014-09-28", AlertType.SENSITIVITY_SPIKE, AlertStatus.FIRING,
                Severity.WARNING, null, "MX-2013-2015", "PGR", null, null, Instant.parse("2014-09-28T00:00:00Z"),
                "News heat for PGR reached 3.2.", new AlertDetails(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, 3.2, 3.0, 30.0, List.of(new AlertDetails.Headline("Ayotzinapa",
                "https://news.example/a", "La Jornada", Instant.parse("2014-09-27T00:00:00Z"))), List.of("MX-PA15-04"),
                List.of("MX-2013-2015")));
        assertThat(spike.violations()).isEmpty();
        assertThat(spike.key()).isEqualTo("PGR");
        assertThat(Json.read(Json.write(spike), Alert.class)).isEqualTo(spike);
    }

    @Test
    void severityOrderAdmitsHigherLevels() {
        assertThat(Severity.CRITICAL.atLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.INFO.atLeast(Severity.WARNING)).isFalse();
        assertThat(Severity.INFO.atLeast(null)).isTrue();
    }

    @Test
    void topicsCarryThePrefixAndTheDesignedCleanupPolicy() {
        Topics topics = new Topics("test.");
        assertThat(topics.progress.name()).isEqualTo("test.progress");
        assertThat(topics.commitments.config()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.commitmentStatus.config()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.sectorCompletion.config()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.alerts.config()).containsEntry("cleanup.policy", "delete");
        assertThat(topics.all()).hasSize(8).extracting(Topic::name).allMatch(name -> name.startsWith("test."));
        assertThat(Topics.withDefaultPrefix().clock.name()).isEqualTo("vigia.clock");
    }
}
