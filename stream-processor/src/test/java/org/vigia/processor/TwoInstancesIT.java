package org.vigia.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.Topics;

/**
 * Two processor instances with one application id share the partitions; each answers for
 * every key. Stopping one leaves the other serving every key, and the alerts on
 * {@code vigia.alerts} (read committed) are exactly those the topology gives — none lost,
 * none repeated — across the rebalance.
 */
class TwoInstancesIT {
    private final String prefix = BrokerSupport.uniquePrefix();
    private final Topics topics = new Topics(prefix);
    private final String applicationId = "vigia-two-" + UUID.randomUUID();
    private ProcessorService a;
    private ProcessorService b;

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static void queryApiAnswersListsCsvAndErrors(int port) {
        BrokerSupport.Response csv = BrokerSupport.get(port, "/api/v1/commitments?agency=PGR", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(7).first().asString().startsWith("commitmentId,planId,agency");
        assertThat(BrokerSupport.get(port, "/api/v1/commitments?state=STALLED&agency=PGR").body())
                .contains("\"pgr-4\"").doesNotContain("\"sct-1\"");

        BrokerSupport.Response badState = BrokerSupport.get(port, "/api/v1/commitments?state=LATE");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.body()).contains("\"field\":\"state\"").contains("LATE");
        assertThat(BrokerSupport.get(port, "/api/v1/alerts?limit=0").body()).contains("\"field\":\"limit\"");
        assertThat(BrokerSupport.get(port, "/api/v1/commitments/nope").status()).isEqualTo(404);
        assertThat(BrokerSupport.get(port, "/api/v1/commitments/nope/history").status()).isEqualTo(404);

        assertThat(BrokerSupport.get(port, "/api/v1/sectors?plan=mx-2013").body())
                .contains("\"sector\":\"infrastructure\"").contains("\"sector\":\"justice-security\"");
        assertThat(BrokerSupport.get(port, "/api/v1/agencies?plan=mx-2013", "text/csv").body())
                .startsWith("planId,agency,commitments").contains("mx-2013,PGR,6,");
        assertThat(BrokerSupport.get(port, "/api/v1/alerts?plan=mx-2013&limit=5").body())
                .contains("\"alertId\"");
        assertThat(BrokerSupport.get(port, "/api/v1/commitments/pgr-1/history").body())
                .contains("\"recentUpdates\"").contains("pgr-1-start").contains("pgr-1:STALLED:2014-05-04");
    }

    @Test
    void eitherInstanceAnswersForEveryKeyAndTheSurvivorTakesOverWithoutLosingOrRepeatingAlerts() {
        List<Dataset.Step> steps = Dataset.steps();
        List<Dataset.Step> firstHalf = steps.subList(0, 40);
        List<Dataset.Step> secondHalf = steps.subList(40, steps.size());
        a = new ProcessorService(ProcessorSettings.from(BrokerSupport.env(prefix, applicationId)));
        b = new ProcessorService(ProcessorSettings.from(BrokerSupport.env(prefix, applicationId)));
        a.start();
        b.start();

        BrokerSupport.write(topics, firstHalf);
        Map<String, List<Alert>> expectedFirst = BrokerSupport.byKey(Dataset.expectedAlerts(firstHalf));
        await("the alerts of the first 40 weeks").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(BrokerSupport.alertsByKey(topics)).isEqualTo(expectedFirst));

        for (ProcessorService instance : List.of(a, b)) {
            for (String id : Dataset.commitmentIds()) {
                BrokerSupport.Response r = BrokerSupport.get(instance.httpPort(), "/api/v1/commitments/" + id);
                assertThat(r.status()).as("GET %s from port %d", id, instance.httpPort()).isEqualTo(200);
                assertThat(r.body()).contains("\"commitmentId\":\"" + id + "\"").contains("\"recentUpdates\"");
            }
            assertThat(BrokerSupport.get(instance.httpPort(), "/api/v1/commitments?plan=mx-2013").body())
                    .contains(Dataset.commitmentIds().stream().map(id -> "\"" + id + "\"").toList());
        }

        queryApiAnswersListsCsvAndErrors(a.httpPort());
        queryApiAnswersListsCsvAndErrors(b.httpPort());

        b.close();
        b = null;
        BrokerSupport.write(topics, secondHalf);
        Map<String, List<Alert>> expectedAll = BrokerSupport.byKey(Dataset.expectedAlerts(steps));
        await("every alert of the replay, once").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(BrokerSupport.alertsByKey(topics)).isEqualTo(expectedAll));
        for (String id : Dataset.commitmentIds()) {
            assertThat(BrokerSupport.get(a.httpPort(), "/api/v1/commitments/" + id).status()).isEqualTo(200);
        }
        assertThat(BrokerSupport.get(a.httpPort(), "/api/v1/commitments").body())
                .contains(Dataset.commitmentIds().stream().map(id -> "\"" + id + "\"").toList());
    }
}
