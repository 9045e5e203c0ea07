package org.vigia.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.Json;
import org.vigia.ingest.replay.Replay;
import org.vigia.ingest.replay.ReplayOptions;

/**
 * The shipped Mexico 2013–2015 dataset, replayed through the real topology, tells the
 * story of the case study: PGR stalls through 2014, the Ayotzinapa autumn raises PGR's news
 * heat, PGR resumes after the new Attorney General takes office, SCT finishes early.
 */
class MexicoStoryIT {
    static final Path DATASET = Path.of("..", "data", "mexico-2013-2015");
    @TempDir
    static Path dataDir;
    static StackFixture fixture;
    static List<Alert> alerts;
    static List<Commitment> registry;

    @BeforeAll
    static void replayThePlan() throws Exception {
        fixture = new StackFixture(dataDir, "mexico", Map.of());
        registry = Json.parse(Files.readAllBytes(DATASET.resolve("commitments.json")), new TypeReference<List<Commitment>>() { });
        Replay.run(fixture.stack.kafka(), DATASET, ReplayOptions.defaults());
        alerts = readAlertsUntilQuiet();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static List<Alert> readAlertsUntilQuiet() {
        var kafka = fixture.stack.kafka();
        return AlertsUntilQuiet.read(kafka.clientProperties(Map.of()), kafka.topics().alerts.name(), Duration.ofSeconds(10),
                Duration.ofMinutes(4));
    }

    static List<String> idsOf(String agency) {
        return registry.stream().filter(c -> c.agency().equals(agency)).map(Commitment::id).toList();
    }

    static List<Alert> of(AlertType type, AlertStatus status, String commitmentOrAgency) {
        return alerts.stream().filter(a -> a.type() == type && a.status() == status
                && commitmentOrAgency.equals(a.key())).toList();
    }

    @Test
    void pgrsThreeCommitmentsStallDuring2014() {
        assertThat(idsOf("PGR")).hasSize(3).allSatisfy(id -> assertThat(of(AlertType.STALLED, AlertStatus.FIRING, id))
                .as("STALLED for %s", id)
                .anySatisfy(a -> assertThat(a.raisedAt())
                        .isBetween(Instant.parse("2014-01-01T00:00:00Z"), Instant.parse("2014-12-31T23:59:59Z"))));
    }

    @Test
    void pgrsNewsHeatSpikesBetweenLateSeptemberAndNovember2014() {
        assertThat(of(AlertType.SENSITIVITY_SPIKE, AlertStatus.FIRING, "PGR"))
                .anySatisfy(a -> assertThat(a.raisedAt())
                        .isBetween(Instant.parse("2014-09-20T00:00:00Z"), Instant.parse("2014-11-30T23:59:59Z")));
    }

    @Test
    void pgrResumesAfterTheNewAttorneyGeneralTakesOfficeInMarch2015() {
        assertThat(idsOf("PGR")).allSatisfy(id -> assertThat(alerts.stream()
                .filter(a -> a.type() == AlertType.RESUMED && id.equals(a.commitmentId())).map(Alert::raisedAt).toList())
                .as("RESUMED for %s", id)
                .anySatisfy(t -> assertThat(t).isAfter(Instant.parse("2015-03-01T00:00:00Z"))));
    }

    @Test
    void sctFinishesItsThreeCommitmentsBeforeTheJuly2015Report() {
        assertThat(idsOf("SCT")).hasSize(3).allSatisfy(id -> assertThat(alerts.stream()
                .filter(a -> a.type() == AlertType.COMPLETED && id.equals(a.commitmentId())).toList())
                .as("COMPLETED for %s", id)
                .anySatisfy(a -> assertThat(a.raisedAt()).isBefore(Instant.parse("2015-07-22T00:00:00Z"))));
    }

    @Test
    void theWatchingCsosAreEmailed() {
        await("emails for PGR reach Artículo 19").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(fixture.mails()).anySatisfy(m ->
                        assertThat(WalkingSkeletonIT.recipients(m)).contains("alertas@articulo19.example")));
    }
}
