package org.vigia.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.Topics;
import org.vigia.ingest.api.CommitmentEndpoint;
import org.vigia.ingest.api.IngestApi;
import org.vigia.ingest.api.NewsEndpoint;
import org.vigia.ingest.api.ProgressEndpoint;
import org.vigia.ingest.clock.LiveClock;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.ingest.metrics.IngestMetrics;
import org.vigia.ingest.news.FeedPoller;
import org.vigia.ingest.news.FeedsConfig;
import org.vigia.ingest.news.NewsWriter;
import org.vigia.ingest.registry.RegistryView;
import org.vigia.kit.HttpServer;
import org.vigia.kit.Metrics;
import org.vigia.kit.Parts;
import org.vigia.kit.RateLimiter;
import org.vigia.kit.RequestGuard;
import org.vigia.kit.Service;
import org.vigia.kit.TokenStore;
import org.vigia.kit.TopicCreator;

/**
 * The ingest service: the authenticated write API, the news poller and the live clock.
 * {@link #start()} returns once the topics exist, the registry view has caught up, HTTP is
 * bound, and the clock and the poller (when configured) run.
 */
public final class IngestService implements Service {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    /** Transactional producers of the API (and the news poller), each committing one group at a time. */
    static final int PRODUCERS = 2;

    private final IngestSettings settings;
    private final Clock clock;
    private final PrometheusMeterRegistry registry = Metrics.registry("ingest");
    private final Parts parts = new Parts("ingest");
    private RegistryView view;
    private TransactionalWriter writer;
    private HttpServer http;
    private volatile boolean started;
    private volatile boolean closed;

    public IngestService(IngestSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With an explicit server clock (for the reportedAt skew check, registry timestamps and the live clock). */
    public IngestService(IngestSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        Parts.startOrClose(this, this::startParts);
    }

    private void startParts() {
        Topics topics = settings.kafka().topics();
        TopicCreator.ensure(settings.kafka(), List.of(topics.commitments, topics.progress, topics.news, topics.clock));
        IngestMetrics metrics = new IngestMetrics(registry);

        view = parts.add("registry view", new RegistryView(settings.kafka()));
        view.start(Duration.ofSeconds(120));
        long[] partitions = view.appliedOffsets();
        for (int p = 0; p < partitions.length; p++) {
            int partition = p;
            Gauge.builder("vigia.ingest.registry.view.offset", view, v -> v.appliedOffset(partition))
                    .description("offset of the last registry record the registry view has applied (-1: none)")
                    .tag("partition", Integer.toString(p)).register(registry);
        }

        writer = parts.add("transactional writer", new TransactionalWriter(settings.kafka(), settings.instanceId(), "api",
                PRODUCERS, settings.commitMaxRecords(), settings.commitLinger(), metrics));
        NewsWriter news = new NewsWriter(writer, topics, metrics);

        TokenStore tokens = settings.tokensFile().map(TokenStore::load).orElseGet(() -> {
            log.warn("VIGIA_TOKENS_FILE is not set: every write to the ingest API will be refused with 401");
            return TokenStore.empty();
        });
        RequestGuard guard = new RequestGuard(tokens, settings.maxBodyBytes(),
                RateLimiter.perSecond(settings.rateLimit(), settings.rateBurst()));
        IngestApi api = new IngestApi(
                new ProgressEndpoint(guard, view, writer, topics, metrics, clock, settings.maxFutureSkew()),
                new CommitmentEndpoint(guard, view, writer, topics, metrics, clock),
                new NewsEndpoint(guard, news, clock, settings.maxFutureSkew(), settings.maxNewsWeight()), metrics);
        http = parts.add("http", HttpServer.start(settings.httpHost(), settings.httpPort(), settings.maxBodyBytes(),
                registry, this::ready, api::routes));

        if (settings.clockEnabled()) {
            parts.add("live clock", new LiveClock(settings.kafka(), settings.instanceId(), settings.clockInterval(), clock,
                    registry)).start();
        }
        if (settings.feedsFile().isPresent()) {
            FeedsConfig feeds = FeedsConfig.load(settings.feedsFile().get());
            parts.add("feed poller", new FeedPoller(feeds, settings.kafka(), news, registry, clock)).start();
        } else {
            log.info("VIGIA_FEEDS_FILE is not set: no news feeds are polled");
        }
        started = true;
    }

    @Override
    public boolean ready() {
        return started && !closed && view != null && view.ready() && writer != null && writer.healthy();
    }

    /** The bound HTTP port (after {@link #start()}). */
    public int httpPort() {
        if (http == null) {
            throw new IllegalStateException("ingest is not started");
        }
        return http.port();
    }

    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        parts.close();
        registry.close();
    }
}
