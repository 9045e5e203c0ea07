package org.vigia.ingest.news;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.NewsSignal;
import org.vigia.ingest.news.FeedFetcher.Fetched;
import org.vigia.ingest.news.FeedFetcher.Validators;
import org.vigia.ingest.news.FeedsConfig.Feed;
import org.vigia.kit.Backoff;
import org.vigia.kit.KafkaSettings;

/**
 * Polls the configured feeds and writes matching items to {@code vigia.news}.
 *
 * <p>Each feed runs on its own schedule: after a poll the next one is due after the feed's
 * interval, or — after an error — after {@code interval × 2^(errors)} capped at
 * {@code maxBackoff}. A failing or slow feed only delays itself: polls run on a small
 * pool, every request has a timeout, and an exception never escapes a poll.
 *
 * <p>An item becomes one {@link NewsSignal}: id = {@code news-} + SHA-256 of its GUID (or
 * link), publishedAt = the item's date (the first time it was seen when the date is
 * missing or unreadable; never later than now), agencies, keywords, kind and weight from
 * the dictionary. Items matching no agency, older than {@code maxItemAge} or already
 * written are skipped. A poll's new signals are written in one transaction.
 */
public final class FeedPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedsConfig config;
    private final KafkaSettings kafka;
    private final NewsWriter writer;
    private final MeterRegistry registry;
    private final Clock clock;
    private final KeywordMatcher matcher;
    private final FeedFetcher fetcher;
    private ScheduledExecutorService scheduler;
    private SeenNews seen;
    private volatile boolean closed;

    public FeedPoller(FeedsConfig config, KafkaSettings kafka, NewsWriter writer, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.kafka = kafka;
        this.writer = writer;
        this.registry = registry;
        this.clock = clock;
        this.matcher = new KeywordMatcher(config.agencies());
        this.fetcher = new FeedFetcher(config.timeout());
        for (String result : List.of("ok", "not_modified", "error")) {
            polls(result);
        }
    }

    /** Reads back what was already written, then starts polling every feed. */
    public synchronized void start() {
        seen = SeenNews.loadFrom(kafka, Duration.ofSeconds(60));
        log.info("news poller: {} feeds, {} agencies in the dictionary, {} items already written", config.feeds().size(),
                config.agencies().size(), seen.size());
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(Math.max(2, Math.min(8, config.feeds().size())), r -> {
            Thread t = new Thread(r, "feed-poller");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        scheduler = pool;
        for (Feed feed : config.feeds()) {
            scheduler.execute(new FeedTask(feed));
        }
    }

    private Counter polls(String result) {
        return Counter.builder("vigia.ingest.feed.polls").description("feed polls by result")
                .tag("result", result).register(registry);
    }

    /** One feed's state between polls: its validators and its error streak. */
    private final class FeedTask implements Runnable {
        private final Feed feed;
        private Validators validators = Validators.NONE;
        private final AtomicInteger errors = new AtomicInteger();

        FeedTask(Feed feed) {
            this.feed = feed;
        }

        @Override
        public void run() {
            if (closed) {
                return;
            }
            Duration next = feed.pollInterval();
            try {
                pollOnce();
                errors.set(0);
            } catch (Exception e) {
                polls("error").increment();
                int n = errors.incrementAndGet();
                next = Backoff.exponential(feed.pollInterval(), n, config.maxBackoff());
                log.warn("feed {} ({}) failed {} time(s) in a row, next try in {}: {}", feed.outlet(), feed.url(), n, next,
                        e.getMessage());
            }
            if (!closed) {
                try {
                    scheduler.schedule(this, next.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // shutting down
                }
            }
        }

        private void pollOnce() throws Exception {
            Fetched fetched = fetcher.fetch(feed, validators, config.timeout());
            if (fetched.notModified()) {
                polls("not_modified").increment();
                return;
            }
            List<FeedItems.Item> items = FeedItems.parse(fetched.body(), fetched.contentType());
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            seen.forgetBefore(now.minus(config.maxItemAge()));
            List<NewsSignal> fresh = new ArrayList<>();
            for (FeedItems.Item item : items) {
                signal(item, now).filter(s -> seen.claim(s.id(), s.publishedAt())).ifPresent(fresh::add);
            }
            try {
                if (!fresh.isEmpty()) {
                    writer.write(fresh);
                    log.info("feed {}: {} new signal(s)", feed.outlet(), fresh.size());
                }
            } catch (RuntimeException e) {
                fresh.forEach(s -> seen.release(s.id()));
                throw e;
            }
            // Validators only advance once the items are safely written.
            validators = fetched.validators();
            polls("ok").increment();
        }

        private Optional<NewsSignal> signal(FeedItems.Item item, Instant now) {
            String id = id(item.identity());
            if (seen.contains(id)) {
                return Optional.empty();
            }
            Instant published = item.published() == null || item.published().isAfter(now) ? now : item.published();
            if (published.isBefore(now.minus(config.maxItemAge()))) {
                return Optional.empty();
            }
            Optional<KeywordMatcher.Match> match = matcher.match(item.title() + " \n " + item.text());
            if (match.isEmpty()) {
                return Optional.empty();
            }
            String url = item.link() != null ? item.link() : item.identity();
            String title = item.title().isEmpty() ? url : item.title();
            NewsSignal s = new NewsSignal(id, published, feed.outlet(), title.length() > 1000 ? title.substring(0, 1000) : title,
                    url, match.get().agencies(), match.get().keywords(), match.get().kind(), match.get().weight());
            if (!s.violations().isEmpty()) {
                log.info("feed {}: skipping item {}: {}", feed.outlet(), url, s.violations());
                return Optional.empty();
            }
            return Optional.of(s);
        }
    }

    /** The signal id of an item: stable across polls, restarts and instances. */
    public static String id(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "news-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
