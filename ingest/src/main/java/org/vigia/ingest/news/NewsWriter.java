package org.vigia.ingest.news;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.events.NewsSignal;
import org.vigia.events.Topics;
import org.vigia.ingest.kafka.Records;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.ingest.metrics.IngestMetrics;

/**
 * Writes news signals to {@code vigia.news}: one record per agency a signal names (key =
 * agency code, so each agency's heat is computed where its commitments are judged;
 * timestamp = publishedAt), all signals of one call in one transaction.
 */
public final class NewsWriter {
    private final TransactionalWriter writer;
    private final Topics topics;
    private final IngestMetrics metrics;

    public NewsWriter(TransactionalWriter writer, Topics topics, IngestMetrics metrics) {
        this.writer = writer;
        this.topics = topics;
        this.metrics = metrics;
    }

    public static List<ProducerRecord<byte[], byte[]>> records(Topics topics, NewsSignal signal) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String agency : signal.agencies()) {
            records.add(Records.record(topics.news, agency, signal, signal.publishedAt()));
        }
        return records;
    }

    /** Queues the signals' records in one batch; the future completes once they are committed. */
    public CompletableFuture<Void> submit(List<NewsSignal> signals) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        signals.forEach(s -> records.addAll(records(topics, s)));
        return writer.submit(records).thenRun(() -> signals.forEach(s -> metrics.newsItems(s.outlet(), 1)));
    }

    /** Writes the signals in one transaction; returns once committed. */
    public void write(List<NewsSignal> signals) {
        try {
            submit(signals).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
