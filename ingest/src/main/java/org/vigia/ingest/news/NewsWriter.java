package org.vigia.ingest.news;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.events.NewsSignal;
import org.vigia.events.Topics;
import org.vigia.ingest.api.IngestMetrics;
import org.vigia.ingest.kafka.Records;
import org.vigia.ingest.kafka.TransactionalWriter;

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

    public void write(List<NewsSignal> signals) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        signals.forEach(s -> records.addAll(records(topics, s)));
        writer.write(records);
        signals.forEach(s -> metrics.newsItems(s.outlet(), 1));
    }
}
