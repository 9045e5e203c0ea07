package org.vigia.ingest.news;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.vigia.kit.KafkaSettings;

public final class FeedPoller implements AutoCloseable {
    public FeedPoller(FeedsConfig config, KafkaSettings kafka, NewsWriter writer, MeterRegistry registry, Clock clock) {
    }

    public void start() {
    }

    @Override
    public void close() {
    }
}
