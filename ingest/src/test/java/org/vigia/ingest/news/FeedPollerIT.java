package org.vigia.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigia.ingest.news.FeedItemsTest.fixture;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.NewsKind;
import org.vigia.events.NewsSignal;
import org.vigia.ingest.IngestService;
import org.vigia.ingest.IngestSettings;
import org.vigia.ingest.KafkaTestSupport.Read;
import org.vigia.ingest.KafkaTestSupport;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.ingest.metrics.IngestMetrics;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.TopicCreator;

/** The news poller against local feed servers and the real broker. */
class FeedPollerIT {
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String DICTIONARY = """
            agencies:
              PGR:
                - { term: "Procuraduría General de la República", kind: GENERAL, weight: 0.5 }
                - { term: PGR, kind: GENERAL, weight: 0.5 }
                - { term: Ayotzinapa, kind: SCANDAL, weight: 2.0 }
                - { term: "nuevo procurador", kind: LEADERSHIP_CHANGE, weight: 1.5 }
                - Procuraduría
              SCT:
                - SCT
                - { term: "Secretaría de Comunicaciones y Transportes", weight: 0.3 }
            """;

    @TempDir
    Path dir;
    final FeedServer server = new FeedServer();
    final KafkaSettings kafka = KafkaTestSupport.kafka();
    final MeterRegistry registry = new SimpleMeterRegistry();
    TransactionalWriter writer;

    FeedPollerIT() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
        if (writer != null) {
            writer.close();
        }
    }

    FeedsConfig config(String feeds) throws Exception {
        return FeedsConfig.load(Files.writeString(dir.resolve("feeds-" + System.nanoTime() + ".yaml"),
                "pollInterval: 300ms\ntimeout: 1s\nmaxBackoff: 2s\nmaxItemAge: 36500d\nfeeds:\n" + feeds + DICTIONARY));
    }

    String feed(String path, String outlet) {
        return "  - { url: '" + server.url(path) + "', outlet: '" + outlet + "' }\n";
    }

    FeedPoller poller(FeedsConfig config) {
        TopicCreator.ensure(kafka, List.of(kafka.topics().news));
        if (writer == null) {
            writer = new TransactionalWriter(kafka, "test", "poller");
        }
        return new FeedPoller(config, kafka, new NewsWriter(writer, kafka.topics(), new IngestMetrics(registry)), registry,
                Clock.systemUTC());
    }

    List<Read<NewsSignal>> news() {
        return KafkaTestSupport.readCommitted(kafka, kafka.topics().news);
    }

    double polls(String result) {
        return registry.counter("vigia.ingest.feed.polls", "result", result).count();
    }

    @Test
    void theServiceWritesMatchingItemsOfRss2Rss1AndAtomFeedsOncePerAgency() throws Exception {
        server.serve("/rss2", fixture("rss2-politica.xml"), "application/rss+xml; charset=utf-8", null, null)
                .serve("/rss1", fixture("rss1-rdf.xml"), "application/rdf+xml", null, null)
                .serve("/atom", fixture("atom.xml"), "application/atom+xml", null, null);
        Path feedsFile = Files.writeString(dir.resolve("feeds.yaml"), "pollInterval: 300ms\nmaxItemAge: 36500d\nfeeds:\n"
                + feed("/rss2", "Diario Ejemplo") + feed("/rss1", "Semanario") + feed("/atom", "Observatorio") + DICTIONARY);
        Instant before = Instant.now();
        IngestService service = new IngestService(IngestSettings.from(KafkaTestSupport.env(Map.of(
                "VIGIA_HTTP_HOST", "127.0.0.1", "VIGIA_HTTP_PORT", "0", "VIGIA_CLOCK_ENABLED", "false",
                "VIGIA_FEEDS_FILE", feedsFile.toString(), "VIGIA_TOPIC_PREFIX", kafka.topics().prefix))));
        try {
            service.start();

            await("five signals on the news topic").atMost(PATIENCE).until(() -> news().size() >= 5);
            await("several polls of every feed").atMost(PATIENCE).until(() ->
                    server.countsByPath().values().stream().allMatch(n -> n >= 3) && server.countsByPath().size() == 3);
            List<Read<NewsSignal>> news = news();
            assertThat(news).hasSize(5);
            Read<NewsSignal> ayotzinapa = only(news, FeedPoller.id("diario-2014-09-28-0001"));
            assertThat(ayotzinapa.key()).isEqualTo("PGR");
            assertThat(ayotzinapa.value().kind()).isEqualTo(NewsKind.SCANDAL);
            assertThat(ayotzinapa.value().weight()).isEqualTo(2.0);
            assertThat(ayotzinapa.value().outlet()).isEqualTo("Diario Ejemplo");
            assertThat(ayotzinapa.value().url()).isEqualTo("https://diario.example.org/2014/09/28/ayotzinapa-busqueda");
            assertThat(ayotzinapa.value().keywords()).contains("ayotzinapa", "procuraduria general de la republica", "procuraduria");
            assertThat(ayotzinapa.timestamp()).isEqualTo(Instant.parse("2014-09-28T19:30:00Z").toEpochMilli());
            assertThat(only(news, FeedPoller.id("https://diario.example.org/2015/02/27/nuevo-procurador")).value().kind())
                    .isEqualTo(NewsKind.LEADERSHIP_CHANGE);
            Read<NewsSignal> undated = only(news, FeedPoller.id("https://diario.example.org/2015/03/01/sct-tramo"));
            assertThat(undated.key()).isEqualTo("SCT");
            assertThat(undated.value().publishedAt()).isBetween(before.minusSeconds(1), Instant.now());
            assertThat(only(news, FeedPoller.id("https://semanario.example.org/notas/registro-detenidos")).key()).isEqualTo("PGR");
            assertThat(only(news, FeedPoller.id("tag:observatorio.example.org,2015:sct-datos")).key()).isEqualTo("SCT");
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).containsPattern("vigia_ingest_feed_polls_total\\{[^}]*result=\"ok\"[^}]*} [1-9]")
                    .containsPattern("vigia_ingest_news_items_total\\{[^}]*outlet=\"Diario Ejemplo\"[^}]*} 3");
        } finally {
            service.close();
        }
    }

    static Read<NewsSignal> only(List<Read<NewsSignal>> news, String id) {
        List<Read<NewsSignal>> found = news.stream().filter(r -> r.value().id().equals(id)).toList();
        assertThat(found).as(id).hasSize(1);
        return found.get(0);
    }

    @Test
    void anItemMatchingTwoAgenciesIsWrittenOncePerAgency() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>x</title><item><title>La PGR y la SCT firman convenio</title>"
                + "<link>https://e.org/convenio</link><pubDate>Mon, 02 Mar 2015 10:00:00 GMT</pubDate></item></channel></rss>";
        server.serve("/both", rss.getBytes(), "application/rss+xml", null, null);
        try (FeedPoller p = poller(config(feed("/both", "E")))) {
            p.start();
            await("the item on the news topic").atMost(PATIENCE).until(() -> news().size() >= 2);
        }
        assertThat(news()).extracting(Read::key).containsExactlyInAnyOrder("PGR", "SCT");
        assertThat(news()).extracting(r -> r.value().agencies()).containsOnly(List.of("PGR", "SCT"));
    }

    @Test
    void sendsTheConditionalHeadersAndANotModifiedFeedWritesNothing() throws Exception {
        server.serve("/cond", fixture("rss1-rdf.xml"), "application/rdf+xml", "\"v1\"", "Thu, 15 Jan 2015 15:00:00 GMT");
        try (FeedPoller p = poller(config(feed("/cond", "Semanario")))) {
            p.start();
            await("a conditional request answered 304").atMost(PATIENCE).until(() -> polls("not_modified") >= 2);
        }
        assertThat(server.requests.get(0).ifNoneMatch()).isNull();
        assertThat(server.requests.subList(1, server.requests.size())).isNotEmpty().allSatisfy(r -> {
            assertThat(r.ifNoneMatch()).isEqualTo("\"v1\"");
            assertThat(r.ifModifiedSince()).isEqualTo("Thu, 15 Jan 2015 15:00:00 GMT");
        });
        assertThat(news()).hasSize(1);
    }

    @Test
    void aSlowABrokenAndAnHtmlFeedNeverStopTheOthers() throws Exception {
        server.slow("/slow", fixture("rss2-politica.xml"))
                .serve("/malformed", fixture("malformed.xml"), "text/xml", null, null)
                .serve("/html", fixture("not-a-feed.html"), "text/html", null, null)
                .status("/down", 503)
                .serve("/good", fixture("atom.xml"), "application/atom+xml", null, null);
        try (FeedPoller p = poller(config(feed("/slow", "Lento") + feed("/malformed", "Roto") + feed("/html", "HTML")
                + feed("/down", "Caído") + feed("/good", "Observatorio")))) {
            p.start();
            await("the good feed polled again and again while the others fail").atMost(PATIENCE).until(() ->
                    server.requestsTo("/good") >= 4 && polls("error") >= 4);
            assertThat(server.requestsTo("/slow")).isGreaterThanOrEqualTo(1);
        }
        // The poll counts as done before its transaction commits: wait for the item to be visible.
        await("the good feed's item is on the news topic").atMost(PATIENCE).until(() -> !news().isEmpty());
        assertThat(news()).extracting(r -> r.value().outlet()).containsExactly("Observatorio");
    }

    @Test
    void anItemAlreadyWrittenIsNotWrittenAgainAfterARestart() throws Exception {
        // no validators: every poll gets the full feed again
        server.serve("/plain", fixture("rss2-politica.xml"), "application/rss+xml", null, null);
        try (FeedPoller first = poller(config(feed("/plain", "Diario")))) {
            first.start();
            await("the first poller wrote the feed").atMost(PATIENCE).until(() -> news().size() >= 3);
            await("and polled it again").atMost(PATIENCE).until(() -> server.requestsTo("/plain") >= 3);
        }
        int written = news().size();
        long requestsBefore = server.requestsTo("/plain");

        try (FeedPoller second = poller(config(feed("/plain", "Diario")))) {
            second.start();
            await("the restarted poller polled the same feed").atMost(PATIENCE).until(() ->
                    server.requestsTo("/plain") >= requestsBefore + 3);
        }
        assertThat(written).isEqualTo(3);
        assertThat(news()).hasSize(3);
    }
}
