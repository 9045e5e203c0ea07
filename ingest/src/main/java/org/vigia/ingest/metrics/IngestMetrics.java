package org.vigia.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.vigia.events.Source;
import org.vigia.ingest.kafka.TransactionalWriter;

/**
 * The ingest meters (names shared with the dashboards and Prometheus rules), used by the API,
 * the news writer and the group commit alike; they depend on nothing above them.
 */
public final class IngestMetrics implements TransactionalWriter.CommitListener {
    private final MeterRegistry registry;
    private final DistributionSummary transactionRecords;
    private final DistributionSummary transactionBatches;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Source s : Source.values()) {
            Counter.builder("vigia.ingest.updates.accepted").tag("source", s.name()).register(registry);
        }
        for (TransactionalWriter.Outcome o : TransactionalWriter.Outcome.values()) {
            transactions(o);
        }
        registryCommitments(0);
        commitWaits();
        transactionRecords = DistributionSummary.builder("vigia.ingest.transaction.records")
                .description("records per Kafka transaction of the API (group commit)").register(registry);
        transactionBatches = DistributionSummary.builder("vigia.ingest.transaction.requests")
                .description("requests per Kafka transaction of the API (group commit)").register(registry);
    }

    public void accepted(Source source, int updates) {
        Counter.builder("vigia.ingest.updates.accepted").description("progress updates accepted and written")
                .tag("source", source.name()).register(registry).increment(updates);
    }

    /** Write requests refused, by reason (a tag such as {@code validation} or {@code rate_limited}). */
    public Counter rejected(String reason) {
        return Counter.builder("vigia.ingest.updates.rejected").description("write requests refused, by reason")
                .tag("reason", reason).register(registry);
    }

    public void registryCommitments(int written) {
        Counter.builder("vigia.ingest.registry.commitments").description("registry records written")
                .register(registry).increment(written);
    }

    public void newsItems(String outlet, int written) {
        Counter.builder("vigia.ingest.news.items").description("news signals written, by outlet")
                .tag("outlet", outlet).register(registry).increment(written);
    }

    @Override
    public void commitWaitedAgain() {
        commitWaits().increment();
    }

    private Counter commitWaits() {
        return Counter.builder("vigia.ingest.commit.waits").description("commits that had not finished within max.block.ms"
                + " and were waited for again").register(registry);
    }

    private Counter transactions(TransactionalWriter.Outcome outcome) {
        return Counter.builder("vigia.ingest.transactions").description("API transactions, by outcome")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    @Override
    public void committed(int batches, int records, TransactionalWriter.Outcome outcome) {
        transactions(outcome).increment();
        if (outcome == TransactionalWriter.Outcome.COMMITTED) {
            transactionRecords.record(records);
            transactionBatches.record(batches);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }
}
