package org.vigia.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.Topics;

/**
 * Determinism on the real broker: the dataset written step by step in transactions gives
 * exactly the alerts TopologyTestDriver gives, per key in the same order — whether the
 * processor runs while the steps arrive (live) or starts after they were all written (replay).
 */
class DeterminismIT {
    private final List<Dataset.Step> steps = Dataset.steps();
    private final Map<String, List<Alert>> expected = BrokerSupport.byKey(Dataset.expectedAlerts(steps));

    private Map<String, List<Alert>> run(boolean live, Map<String, List<Alert>> expect) {
        String prefix = BrokerSupport.uniquePrefix();
        Topics topics = new Topics(prefix);
        ProcessorSettings settings = ProcessorSettings.from(
                BrokerSupport.env(prefix, "vigia-determinism-" + UUID.randomUUID()));
        try (ProcessorService processor = new ProcessorService(settings)) {
            if (live) {
                processor.start();
                BrokerSupport.write(topics, steps);
            } else {
                org.vigia.kit.TopicCreator.ensure(settings.kafka(), topics.all());
                BrokerSupport.write(topics, steps);
                processor.start();
            }
            await("every alert of the replay").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(BrokerSupport.alertsByKey(topics)).isEqualTo(expect));
            return BrokerSupport.alertsByKey(topics);
        }
    }

    @Test
    void replayingTheSameStepsTwiceWhileTheProcessorRunsGivesTheSameAlertsAsTheTestDriver() {
        Map<String, List<Alert>> first = run(true, expected);
        Map<String, List<Alert>> second = run(true, expected);
        assertThat(second).isEqualTo(first);
        assertThat(first.values().stream().flatMap(List::stream).map(Alert::type).distinct())
                .hasSize(org.vigia.events.AlertType.values().length);
    }

    /** Reprocessing a dataset that is already complete in Kafka gives the same alerts, the news heat's included. */
    @Test
    void reprocessingACompleteDatasetGivesTheSameAlerts() {
        Map<String, List<Alert>> replayed = run(false, expected);
        assertThat(replayed).containsKeys("PGR");
        assertThat(replayed).isEqualTo(expected);
    }
}
