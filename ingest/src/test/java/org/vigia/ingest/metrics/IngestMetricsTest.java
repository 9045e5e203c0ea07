package org.vigia.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.vigia.ingest.kafka.TransactionalWriter;

class IngestMetricsTest {
    @Test
    void aCommitWaitedForAgainIsCountedAndTheCounterIsThereBeforeTheFirst() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestMetrics metrics = new IngestMetrics(registry);
        assertThat(registry.get("vigia.ingest.commit.waits").counter().count()).isZero();

        TransactionalWriter.CommitListener listener = metrics;
        listener.commitWaitedAgain();
        listener.commitWaitedAgain();

        assertThat(registry.get("vigia.ingest.commit.waits").counter().count()).isEqualTo(2.0);
    }
}
