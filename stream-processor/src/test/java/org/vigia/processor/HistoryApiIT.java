package org.vigia.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigia.events.Json;
import org.vigia.events.Topics;

/**
 * The history endpoints on a real processor and broker, over the whole integration dataset:
 * plans with their cut-offs, completion over time per sector and agency (consistent with the
 * roll-ups as of any date), a commitment's alerts, the timeline as of a date, CSV, and a 400
 * naming every bad parameter.
 */
class HistoryApiIT {
    static ProcessorService processor;
    static String lastTick;

    @BeforeAll
    static void replayTheDataset() {
        String prefix = BrokerSupport.uniquePrefix();
        processor = new ProcessorService(ProcessorSettings.from(BrokerSupport.env(prefix,
                "vigia-history-" + UUID.randomUUID())));
        processor.start();
        List<Dataset.Step> steps = Dataset.steps();
        BrokerSupport.write(new Topics(prefix), steps);
        lastTick = steps.get(steps.size() - 1).tick().toString();
        await("the processor has judged the last tick").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(json("/api/v1/plans").path(0).path("asOf").asText()).isEqualTo(lastTick));
        // The roll-ups follow the judge through a repartition topic: wait until they stop changing.
        AtomicReference<String> previous = new AtomicReference<>("");
        await("the roll-ups have caught up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    String now = get("/api/v1/sectors/series?plan=mx-2013").body();
                    return now.contains("justice-security") && now.equals(previous.getAndSet(now));
                });
    }

    @AfterAll
    static void stop() {
        if (processor != null) {
            processor.close();
        }
    }

    static BrokerSupport.Response get(String path) {
        return BrokerSupport.get(processor.httpPort(), path);
    }

    static JsonNode json(String path) {
        BrokerSupport.Response r = get(path);
        assertThat(r.status()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        try {
            return Json.wire().readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode pointOn(JsonNode series, String date) {
        for (JsonNode p : series.path("points")) {
            if (p.path("date").asText().equals(date)) {
                return p;
            }
        }
        throw new AssertionError("no point on " + date + " in " + series.path("sector") + series.path("agency"));
    }

    @Test
    void plansNameTheirSizeSpanAndCutoffs() {
        JsonNode plan = json("/api/v1/plans").path(0);
        assertThat(plan.path("planId").asText()).isEqualTo("mx-2013");
        assertThat(plan.path("commitments").asInt()).isEqualTo(12);
        assertThat(plan.path("startDate").asText()).isEqualTo("2014-01-01");
        assertThat(plan.path("endDate").asText()).as("pgr-4 was given until the end of 2015").isEqualTo("2015-12-31");
        assertThat(plan.path("cutoffs").toString()).isEqualTo("[\"2014-10-27\",\"2015-03-08\"]");
        BrokerSupport.Response csv = BrokerSupport.get(processor.httpPort(), "/api/v1/plans?format=csv", "text/csv");
        assertThat(csv.body().lines().toList()).containsExactly("planId,commitments,startDate,endDate,cutoffs,asOf",
                "mx-2013,12,2014-01-01,2015-12-31,2014-10-27 2015-03-08," + lastTick);
        assertThat(json("/api/v1/plans?plan=other")).isEmpty();
    }

    @Test
    void everyDayOfASectorsSeriesIsTheSectorAsOfThatDay() {
        JsonNode sectors = json("/api/v1/sectors/series?plan=mx-2013");
        assertThat(sectors.findValuesAsText("sector")).containsExactly("infrastructure", "justice-security");
        String last = sectors.path(0).path("points").path(sectors.path(0).path("points").size() - 1).path("date")
                .asText();
        assertThat(sectors).allSatisfy(s -> assertThat(s.path("points").path(s.path("points").size() - 1)
                .path("date").asText()).as("every series ends on the same day").isEqualTo(last));
        for (String day : List.of("2014-03-01", "2014-10-27", "2015-03-08", last)) {
            JsonNode asOf = json("/api/v1/sectors?plan=mx-2013&asOf=" + day);
            for (int i = 0; i < 2; i++) {
                JsonNode point = pointOn(sectors.path(i), day);
                JsonNode rollup = asOf.path(i);
                assertThat(rollup.path("sector")).isEqualTo(sectors.path(i).path("sector"));
                for (String field : List.of("commitments", "completed", "stalled", "atRisk", "overdue",
                        "meanCompletion")) {
                    assertThat(point.path(field)).as("%s %s on %s", rollup.path("sector"), field, day)
                            .isEqualTo(rollup.path(field));
                }
            }
        }
        JsonNode october = pointOn(sectors.path(1), "2014-10-27");
        assertThat(october.path("stalled").asInt()).as("PGR's six, stalled in October 2014").isEqualTo(6);
        int stalledCommitments = json("/api/v1/commitments?sector=justice-security&state=STALLED&asOf=2014-10-27")
                .size();
        assertThat(stalledCommitments).isEqualTo(6);
    }

    @Test
    void agenciesHaveTheirOwnSeriesAndOneGroupOrASpanCanBeAsked() {
        JsonNode pgr = json("/api/v1/agencies/series?plan=mx-2013&agency=PGR&from=2014-10-01&to=2014-10-31");
        assertThat(pgr).hasSize(1);
        assertThat(pgr.path(0).path("agency").asText()).isEqualTo("PGR");
        assertThat(pgr.path(0).path("points")).hasSize(31);
        assertThat(pgr.path(0).path("points").path(0).path("date").asText()).isEqualTo("2014-10-01");
        assertThat(pgr.path(0).path("points").path(0).path("meanCompletion").asDouble()).isEqualTo(5.0);

        BrokerSupport.Response csv = BrokerSupport.get(processor.httpPort(),
                "/api/v1/agencies/series?plan=mx-2013&from=2014-10-01&to=2014-10-31", "text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(lines.get(0)).isEqualTo("planId,agency,date,commitments,completed,stalled,atRisk,overdue,"
                + "meanCompletion,meanVerifiedCompletion");
        assertThat(lines).hasSize(1 + 2 * 31).contains("mx-2013,PGR,2014-10-27,6,0,6,0,0,5.0,");
    }

    @Test
    void aCommitmentsAlertsComeOldestFirstAndTheTimelineCanBeReadAsOfADate() {
        JsonNode alerts = json("/api/v1/commitments/pgr-1/alerts");
        List<String> ids = new ArrayList<>();
        alerts.forEach(a -> ids.add(a.path("alertId").asText() + " " + a.path("status").asText()));
        assertThat(ids).contains("pgr-1:STALLED:2014-05-04 FIRING");
        assertThat(alerts.findValuesAsText("raisedAt")).isSorted();
        assertThat(alerts.findValuesAsText("type")).contains("RESUMED", "COMPLETED");
        assertThat(BrokerSupport.get(processor.httpPort(), "/api/v1/commitments/pgr-1/alerts", "text/csv").body())
                .startsWith("raisedAt,alertId,type,status").contains("pgr-1:STALLED:2014-05-04");
        assertThat(get("/api/v1/commitments/nope/alerts").status()).isEqualTo(404);

        JsonNode spikes = json("/api/v1/alerts?plan=mx-2013&agency=PGR&type=SENSITIVITY_SPIKE");
        assertThat(spikes).isNotEmpty().allSatisfy(a -> assertThat(a.path("type").asText())
                .isEqualTo("SENSITIVITY_SPIKE"));
        JsonNode beforeAutumn = json("/api/v1/alerts?plan=mx-2013&asOf=2014-09-01&limit=1000");
        assertThat(beforeAutumn).isNotEmpty();
        assertThat(beforeAutumn.findValuesAsText("raisedAt")).allSatisfy(t -> assertThat(t).isLessThan("2014-09-02"));
        assertThat(beforeAutumn.findValuesAsText("type")).doesNotContain("SENSITIVITY_SPIKE", "RESUMED");
    }

    @Test
    void aCommitmentsSeriesIsFlatWhileItStalls() {
        JsonNode series = json("/api/v1/commitments/pgr-1/series?to=" + lastTick.substring(0, 10));
        List<Double> during = new ArrayList<>();
        for (JsonNode p : series) {
            String day = p.path("date").asText();
            if (day.compareTo("2014-05-20") >= 0 && day.compareTo("2015-03-01") < 0) {
                during.add(p.path("completion").asDouble());
                assertThat(p.path("stalled").asBoolean()).as("stalled on %s", day).isTrue();
            }
        }
        assertThat(during).hasSizeGreaterThan(280).containsOnly(10.0);
        assertThat(series.path(series.size() - 1).path("date").asText()).isEqualTo(lastTick.substring(0, 10));
    }

    @Test
    void aBadParameterIsA400NamingIt() {
        assertBad("/api/v1/sectors/series?from=2015-01-01&to=2014-01-01", "from", "must not be after to");
        assertBad("/api/v1/sectors/series?from=2000-01-01&to=2014-01-01", "to", "days after from");
        assertBad("/api/v1/agencies/series?to=yesterday", "to", "must be a date YYYY-MM-DD");
        assertBad("/api/v1/sectors/series?sector=Justice", "sector", "must be a sector slug");
        assertBad("/api/v1/agencies/series?agency=pgr", "agency", "must be an agency code");
        assertBad("/api/v1/plans?plan=no%20spaces", "plan", "must be a plan id");
        assertBad("/api/v1/alerts?type=BORED", "type", "must be one of");
        assertBad("/api/v1/alerts?asOf=2014-13-01", "asOf", "must be a date YYYY-MM-DD");
    }

    private static void assertBad(String path, String field, String rule) {
        BrokerSupport.Response r = get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.body()).as(path).contains("\"field\":\"" + field + "\"").contains(rule);
    }
}
