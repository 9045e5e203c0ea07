package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigia.alerts.TestAlerts.stalled;
import static org.vigia.alerts.Timeline.subjectContaining;
import static org.vigia.alerts.Timeline.to;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Json;
import org.vigia.events.Severity;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Nothing blocks the intake: unreadable and invalid alert records are set aside to the
 * dead-letter topic with headers saying who, where and why, counted, and reported by
 * {@code /ready} as DEGRADED, while the alerts behind them — an agency-wide spike for a
 * subscription with a {@code commitments:} matcher among them — are emailed.
 */
class DeadLetterIT {
    static final String SUBSCRIPTIONS = """
            subscriptions:
              - name: Artículo 19
                emails: [alertas@articulo19.example]
                language: es
                match: { commitments: [MX-PGR-02, MX-PGR-01] }
            """;

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private Timeline timeline;

    @AfterEach
    void stop() {
        if (timeline != null) {
            timeline.close();
        }
        smtp.stop();
    }

    @Test
    void alertsAStageCannotHandleAreSetAsideCountedAndShownAsDegradedWhileTheRestFlows() throws Exception {
        smtp.start();
        timeline = new Timeline(smtp, smtp.getSmtp().getPort(), new MutableClock(Instant.parse("2026-05-11T13:00:00Z")),
                SUBSCRIPTIONS, Map.of()).start();
        assertThat(ready().body()).contains("\"status\":\"READY\"");

        Alert spike = new Alert("PGR:SENSITIVITY_SPIKE:2014-09-27", AlertType.SENSITIVITY_SPIKE, AlertStatus.FIRING, Severity.WARNING,
                null, null, "PGR", null, null, Instant.parse("2014-09-27T00:00:00Z"), "News about PGR is running hot.",
                new AlertDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null, 3.4, 3.0, 30.0,
                        List.of(new AlertDetails.Headline("Ayotzinapa", "https://news.example/a", "La Jornada", null)),
                        List.of("MX-PGR-01", "MX-PGR-02"), List.of("MX-2013")));
        timeline.at(0).pushRaw("MX-PGR-01", "{not json".getBytes(StandardCharsets.UTF_8));
        timeline.pushRaw("MX-PGR-01", """
                {"alertId":"x","type":"STALLED","status":"FIRING","severity":"WARNING","commitmentId":"MX-PGR-01","agency":"PGR",
                 "raisedAt":"2014-04-10T00:00:00Z"}""".getBytes(StandardCharsets.UTF_8));
        timeline.push(spike, stalled("stall-pgr-01-e1", "PGR", "MX-PGR-01", "Registro de detenidos", 92));

        timeline.at(1).expectEmail(to("articulo19"), subjectContaining("2 alertas"), subjectContaining("PGR: pico de noticias sensibles"),
                Timeline.textContaining("Ayotzinapa (La Jornada) <https://news.example/a>"));

        List<ConsumerRecord<byte[], byte[]>> letters = deadLetters(2);
        assertThat(letters).allSatisfy(r -> {
            assertThat(header(r, "vigia.service")).isEqualTo("alert-service");
            assertThat(header(r, "vigia.stage")).isEqualTo("decode");
            assertThat(header(r, "vigia.reason")).isEqualTo("invalid_alert");
            assertThat(header(r, "vigia.origin.topic")).isEqualTo(timeline.topicAlerts());
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("MX-PGR-01");
        });
        assertThat(header(letters.get(1), "vigia.error")).contains("summary").contains("required");
        assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(timeline.service().registry().get("vigia.alerts.dead.letters").tag("stage", "decode").counter().count())
                .isEqualTo(2.0);
        assertThat(timeline.service().registry().get("vigia.alert.service.degraded").gauge().value()).isEqualTo(1.0);
        HttpResponse<String> ready = ready();
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"DEGRADED\"").contains("2 alert(s) set aside to the dead-letter topic");
    }

    private HttpResponse<String> ready() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + timeline.service().httpPort()
                + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters(int expected) {
        String topic = timeline.env().get("VIGIA_TOPIC_PREFIX") + "alert-service.dead-letter";
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", EmbeddedKafkaBroker.shared().bootstrapServers(),
                "group.id", "dead-letter-reader-" + topic, "auto.offset.reset", "earliest", "isolation.level", "read_committed"));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("the dead letters").atMost(Timeline.PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        records.sort(java.util.Comparator.comparing(r -> header(r, "vigia.origin.offset").length() * 1000 + header(r, "vigia.origin.offset")));
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static byte[] json(Object o) {
        return Json.write(o);
    }
}
