package org.vigia.stack.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;
import org.vigia.kit.Env;
import org.vigia.stack.LocalStack;
import org.vigia.stack.StackSettings;

/**
 * The three services on the JVM's shared broker, in live mode (the ingest clock ticks wall
 * time), sending mail to an SMTP server of the test's own, plus the traffic that makes
 * every metric of the dashboards and rules exist: counters with labels are exported only
 * once incremented, so each labelled family gets its event — an accepted and a rejected
 * update, a registry record, a news item pushed and one polled from a feed, a record the
 * processor cannot read, an alert
 * that is emailed, the same alert again (suppressed as a duplicate) and, with the SMTP
 * server stopped, an alert whose email fails.
 */
final class ObservedStack implements AutoCloseable {
    static final String COMMITMENT_ID = "MX-OBS-1";

    final LocalStack stack;
    private final GreenMail smtp;
    private final HttpServer feed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String id = "obs-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    ObservedStack(Path dataDir) {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        feed = serveNewsFeed();
        Map<String, String> vars = new HashMap<>(System.getenv());
        vars.put("VIGIA_DATA_DIR", dataDir.toString());
        vars.put("VIGIA_TOPIC_PREFIX", id + ".");
        vars.put("VIGIA_APPLICATION_ID", id + "-processor");
        vars.put("VIGIA_INGEST_PORT", "0");
        vars.put("VIGIA_PROCESSOR_PORT", "0");
        vars.put("VIGIA_ALERT_PORT", "0");
        vars.put("VIGIA_MAILBOX_PORT", "0");
        vars.put("VIGIA_GROUP_WAIT", "1s");
        vars.put("VIGIA_CLOCK_INTERVAL", "1s");
        vars.put("VIGIA_PARTITIONS", "3");
        vars.put("SMTP_HOST", "127.0.0.1");
        vars.put("SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        vars.put("SMTP_STARTTLS", "false");
        vars.put("VIGIA_FEEDS_FILE", writeFeedsFile(dataDir, feed.getAddress().getPort()).toString());
        StackSettings settings = StackSettings.from(new Env(vars)).withDataDir(dataDir);
        try {
            stack = LocalStack.startOn(EmbeddedKafkaBroker.shared().bootstrapServers(), settings, LocalStack.Mode.LIVE);
        } catch (RuntimeException e) {
            smtp.stop();
            feed.stop(0);
            throw e;
        }
    }

    /** An RSS 2.0 feed of one fresh item about PGR, as a news outlet would publish it. */
    private HttpServer serveNewsFeed() {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Diario de Prueba</title><link>http://127.0.0.1/</link>
                <description>test</description>
                <item><title>Cambia el titular de la Procuraduría General de la República</title>
                <link>http://127.0.0.1/nota/%s</link><guid>%s</guid>
                <pubDate>%s</pubDate><description>PGR</description></item>
                </channel></rss>""".formatted(id, id, DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/rss.xml", exchange -> {
                byte[] body = rss.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeFeedsFile(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            return Files.writeString(dataDir.resolve("feeds.yaml"), """
                    pollInterval: 2s
                    feeds:
                      - url: http://127.0.0.1:%d/rss.xml
                        outlet: Diario de Prueba
                    agencies:
                      PGR:
                        - { term: "Procuraduría General de la República", kind: LEADERSHIP_CHANGE, weight: 0.5 }
                    """.formatted(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drives the traffic described in the class comment; returns once every event has happened. */
    void driveTraffic() {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        assertThat(ingest("PUT", "/api/v1/commitments/" + COMMITMENT_ID, "admin", """
                {"id":"%s","planId":"MX-OBS","country":"MX","title":"Registro de detenidos",
                 "agency":"PGR","sector":"justice-security","origin":"CO_CREATED",
                 "startDate":"%s","dueDate":"%s","stallAfterDays":90,"milestones":[]}"""
                .formatted(COMMITMENT_ID, today.minusDays(200), today.plusDays(300))).statusCode())
                .as("admin registers a commitment").isEqualTo(202);

        // The last progress is 100 days old, so the first wall-clock tick stalls the commitment.
        await("ingest accepts PGR's update").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ingest("POST", "/api/v1/progress", "agency:PGR", update("obs-1", 20, now.minus(Duration.ofDays(100))))
                        .statusCode()).isEqualTo(202));
        assertThat(send("POST", stack.ingestPort(), "/api/v1/progress", "not-a-token", update("obs-x", 30, now)).statusCode())
                .as("an unknown token is rejected").isEqualTo(401);
        assertThat(ingest("POST", "/api/v1/news", "news", """
                {"id":"obs-news-1","publishedAt":"%s","outlet":"La Jornada","title":"PGR cambia de titular",
                 "url":"https://news.example/pgr","agencies":["PGR"],"keywords":["PGR"],"kind":"LEADERSHIP_CHANGE","weight":1.0}"""
                .formatted(now)).statusCode() / 100).as("a pushed news item is accepted").isEqualTo(2);
        writeUnreadableProgressRecord();

        await("the watching CSO is emailed about the stall").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(smtp.getReceivedMessages()).isNotEmpty());

        republishFiringAlert(AlertType.STALLED);

        // The SMTP server goes away; the next alert's email fails (and is retried).
        smtp.stop();
        assertThat(ingest("POST", "/api/v1/progress", "agency:PGR", update("obs-2", 40, now)).statusCode())
                .as("PGR reports progress after the stall").isEqualTo(202);
    }

    private static String update(String updateId, int percent, Instant reportedAt) {
        return """
                {"updateId":"%s","commitmentId":"%s","percent":%d,"reportedAt":"%s"}"""
                .formatted(updateId, COMMITMENT_ID, percent, reportedAt);
    }

    /** Bytes that are not a ProgressUpdate: the processor must route them to the dead-letter topic. */
    private void writeUnreadableProgressRecord() {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(stack.kafka().clientProperties(Map.of("acks", "all")),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(stack.kafka().topics().progress.name(),
                    COMMITMENT_ID.getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to the progress topic", e);
        }
    }

    /** Writes an alert the alert-service has already emailed once more, byte for byte, as a replay would. */
    private void republishFiringAlert(AlertType type) {
        String topic = stack.kafka().topics().alerts.name();
        var serde = stack.kafka().topics().alerts.valueSerde();
        Map<String, Object> props = new HashMap<>(stack.kafka().clientProperties());
        props.put("group.id", id + "-test-reader");
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        ConsumerRecord<String, byte[]> original = null;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (original == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Alert alert = serde.deserializer().deserialize(topic, r.value());
                    if (alert.type() == type && alert.status() == AlertStatus.FIRING) {
                        original = r;
                        break;
                    }
                }
            }
        }
        assertThat(original).as("a FIRING %s alert on %s", type, topic).isNotNull();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(stack.kafka().clientProperties(Map.of("acks", "all")),
                new org.apache.kafka.common.serialization.StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, original.key(), original.value())).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    /** Service name → HTTP port. */
    Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("ingest", stack.ingestPort());
        ports.put("stream-processor", stack.processorPort());
        ports.put("alert-service", stack.alertPort());
        return ports;
    }

    /** The Prometheus text of one service's /metrics. */
    String scrape(int port) {
        HttpResponse<String> response = send("GET", port, "/metrics", null, null);
        assertThat(response.statusCode()).as("GET :%d/metrics", port).isEqualTo(200);
        return response.body();
    }

    /** Every sample name (e.g. {@code x_bucket}, {@code x_total}) in a Prometheus text exposition. */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    HttpResponse<String> ingest(String method, String path, String principal, String json) {
        String token = stack.tokens().get(principal);
        assertThat(token).as("local token of %s", principal).isNotNull();
        return send(method, stack.ingestPort(), path, token, json);
    }

    private HttpResponse<String> send(String method, int port, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            smtp.stop();
            feed.stop(0);
        }
    }
}
