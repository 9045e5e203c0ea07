package org.vigia.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Commitment;
import org.vigia.events.Json;

/**
 * The whole path on real parts: an update POSTed to ingest reaches Kafka, the topology
 * tracks the commitment, event time passes the stall threshold, the alert service emails
 * the CSO that watches the agency.
 */
class WalkingSkeletonIT {
    @TempDir
    static Path dataDir;
    static StackFixture fixture;

    static final String COMMITMENT = """
            {"id":"MX-PA15-SK1","planId":"MX-2013-2015","country":"MX","title":"Registro de detenidos",
             "agency":"PGR","sector":"justice-security","leadCso":"Artículo 19","origin":"CO_CREATED",
             "startDate":"2013-11-01","dueDate":"2015-10-31","stallAfterDays":90,"milestones":[]}""";

    @BeforeAll
    static void startStack() {
        fixture = new StackFixture(dataDir, "skeleton", Map.of());
    }

    @AfterAll
    static void stopStack() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void anAgencyUpdateThatIsFollowedByNinetyDaysOfSilenceEmailsTheWatchingCso() {
        // The registry entry as a replay writes it: stamped with its event time. (Through the
        // API it would carry the server's clock, and the broker refuses ticks in the future.)
        fixture.register(Json.read(COMMITMENT, Commitment.class), Instant.parse("2013-11-01T00:00:00Z"));
        fixture.tick(Instant.parse("2014-01-09T00:00:00Z"));

        // The agency's report is accepted once ingest's view of the registry has the commitment.
        await("ingest accepts PGR's update").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(fixture.ingest("POST", "/api/v1/progress", "agency:PGR", """
                        {"updateId":"sk-1","commitmentId":"MX-PA15-SK1","percent":20,
                         "reportedAt":"2014-01-10T12:00:00Z","note":"Diagnóstico entregado"}""").statusCode())
                        .isEqualTo(202));

        await("the query API shows the completion").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(fixture.query("/api/v1/commitments/MX-PA15-SK1").body()).contains("\"completion\":20.0"));

        fixture.tickDaily(Instant.parse("2014-01-11T00:00:00Z"), Instant.parse("2014-04-12T00:00:00Z"));

        await("the query API shows the stall").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(fixture.query("/api/v1/commitments/MX-PA15-SK1").body()).contains("\"state\":\"STALLED\""));

        await("Artículo 19 receives the STALLED email").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(fixture.mails()).anySatisfy(m -> {
                    assertThat(recipients(m)).contains("alertas@articulo19.example");
                    // The stall may share an email with other alerts of the same group (AT_RISK here).
                    assertThat(m.getSubject()).startsWith("[Vigía]").contains("PGR").contains("Registro de detenidos");
                    assertThat(body(m)).contains("MX-PA15-SK1").contains("sin avance").contains("90 días");
                }));
    }

    static String recipients(MimeMessage m) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (var a : m.getRecipients(Message.RecipientType.TO)) {
            sb.append(a).append(' ');
        }
        return sb.toString();
    }

    static String body(MimeMessage m) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        m.writeTo(out);
        // Decode quoted-printable/base64 parts by walking the content instead of reading raw bytes.
        return out.toString(java.nio.charset.StandardCharsets.UTF_8) + " " + text(m);
    }

    private static String text(jakarta.mail.Part p) throws Exception {
        if (p.isMimeType("text/*")) {
            return String.valueOf(p.getContent());
        }
        if (p.isMimeType("multipart/*")) {
            var mp = (jakarta.mail.Multipart) p.getContent();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                sb.append(text(mp.getBodyPart(i))).append('\n');
            }
            return sb.toString();
        }
        return "";
    }
}
