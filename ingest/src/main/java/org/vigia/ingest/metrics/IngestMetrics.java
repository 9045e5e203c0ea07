package org.vigia.ingest.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.vigia.events.Source;

/** The ingest meters (names shared with the dashboards and Prometheus rules). */
public final class IngestMetrics {
    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Rejection.Reason r : Rejection.Reason.values()) {
            rejected(r);
        }
        for (Source s : Source.values()) {
            Counter.builder("vigia.ingest.updates.accepted").tag("source", s.name()).register(registry);
        }
        registryCommitments(0);
    }

    public void accepted(Source source) {
        Counter.builder("vigia.ingest.updates.accepted").description("progress updates accepted and written")
                .tag("source", source.name()).register(registry).increment();
    }

    public Counter rejected(Rejection.Reason reason) {
        return Counter.builder("vigia.ingest.updates.rejected").description("write requests refused, by reason")
                .tag("reason", reason.tag()).register(registry);
    }

    public void registryCommitments(int written) {
        Counter.builder("vigia.ingest.registry.commitments").description("registry records written")
                .register(registry).increment(written);
    }

    public void newsItems(String outlet, int written) {
        Counter.builder("vigia.ingest.news.items").description("news signals written, by outlet")
                .tag("outlet", outlet).register(registry).increment(written);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
