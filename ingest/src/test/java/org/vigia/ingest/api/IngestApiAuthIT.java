package org.vigia.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;
import org.vigia.ingest.KafkaTestSupport.Read;
import org.vigia.ingest.KafkaTestSupport;

/** The ingest API against the real broker: which token may write what, and as whom. */
class IngestApiAuthIT extends IngestApiFixture {
    @Test
    void anAgencyUpdateIsAcceptedWithSourceAndReporterFromTheTokenKeyedByCommitmentAndStampedWithReportedAt() {
        HttpResponse<String> r = post("agency:SCT", update("ok-1", "SCT-1", ",\"milestoneId\":\"SCT-1-M1\""));

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("{\"accepted\":[\"ok-1\"]}");
        List<Read<ProgressUpdate>> written = progress("read_committed").stream()
                .filter(x -> x.value().updateId().equals("ok-1")).toList();
        assertThat(written).hasSize(1);
        assertThat(written.get(0).key()).isEqualTo("SCT-1");
        assertThat(written.get(0).timestamp()).isEqualTo(Instant.parse("2014-01-10T12:00:00Z").toEpochMilli());
        assertThat(written.get(0).value().source()).isEqualTo(Source.AGENCY);
        assertThat(written.get(0).value().reporter()).isEqualTo("agency:SCT");
        assertThat(written.get(0).value().milestoneId()).isEqualTo("SCT-1-M1");
    }

    @Test
    void csoAndIrmTokensReportAsCsoAndIrmOnAnyAgencysCommitment() {
        assertThat(post("cso:CIDAC", update("cso-1", "PGR-1", "")).statusCode()).isEqualTo(202);
        assertThat(post("irm", update("irm-1", "SCT-1", "")).statusCode()).isEqualTo(202);

        List<ProgressUpdate> written = progress("read_committed").stream().map(Read::value)
                .filter(u -> u.updateId().equals("cso-1") || u.updateId().equals("irm-1")).toList();
        assertThat(written).extracting(ProgressUpdate::source, ProgressUpdate::reporter)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Source.CSO, "cso:CIDAC"),
                        org.assertj.core.groups.Tuple.tuple(Source.IRM, "irm"));
    }

    @Test
    void aRequestWithoutATokenOrWithAnUnknownTokenIsUnauthorized() {
        HttpResponse<String> none = post(null, update("rejected-401a", "SCT-1", ""));
        HttpResponse<String> unknown = post("not-a-real-token", update("rejected-401b", "SCT-1", ""));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"status\":401").contains("bearer token is required");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("not known");
        assertThat(progressWithPrefix("rejected-401", "read_uncommitted")).isEmpty();
    }

    @Test
    void anAgencyTokenMayNotReportOnAnotherAgencysCommitment() {
        HttpResponse<String> r = post("agency:SCT", update("rejected-403", "PGR-1", ""));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"field\":\"commitmentId\"").contains("belongs to agency PGR");
        assertThat(progressWithPrefix("rejected-403", "read_uncommitted")).isEmpty();
    }

    @Test
    void adminAndNewsTokensMayNotReportProgress() {
        assertThat(post("admin", update("rejected-403-admin", "PGR-1", "")).statusCode()).isEqualTo(403);
        assertThat(post("news", update("rejected-403-news", "PGR-1", "")).statusCode()).isEqualTo(403);
    }

    @Test
    void aReportOnAnUnknownCommitmentIsNotFound() {
        HttpResponse<String> r = post("irm", update("rejected-404", "NOPE-9", ""));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"field\":\"commitmentId\"").contains("NOPE-9 is unknown");
    }

    @Test
    void onlyAdminMayWriteTheRegistryAndAnAgencyMayReportOnANewCommitmentAtOnce() {
        String body = new String(org.vigia.events.Json.write(commitment("SCT-NEW", "SCT")));
        HttpResponse<String> byAgency = send("PUT", "/api/v1/commitments/SCT-NEW", "agency:SCT", "application/json", body);
        HttpResponse<String> byAdmin = send("PUT", "/api/v1/commitments/SCT-NEW", "admin", "application/json", body);
        HttpResponse<String> report = post("agency:SCT", update("after-put", "SCT-NEW", ""));

        assertThat(byAgency.statusCode()).isEqualTo(403);
        assertThat(byAdmin.statusCode()).isEqualTo(202);
        assertThat(report.statusCode()).isEqualTo(202);
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().commitments))
                .filteredOn(c -> c.key().equals("SCT-NEW")).hasSize(1);
    }

    @Test
    void aNewsTokenPostsASignalThatIsWrittenOncePerAgency() {
        String signal = "{\"id\":\"news-api-1\",\"publishedAt\":\"2014-09-27T10:00:00Z\",\"outlet\":\"Diario\",\"title\":\"Ayotzinapa\","
                + "\"url\":\"https://example.org/a\",\"agencies\":[\"PGR\",\"SEGOB\"],\"keywords\":[\"ayotzinapa\"],"
                + "\"kind\":\"SCANDAL\",\"weight\":2.0}";
        HttpResponse<String> byAgency = send("POST", "/api/v1/news", "agency:PGR", "application/json", signal.replace("news-api-1", "rejected-news"));
        HttpResponse<String> byNews = send("POST", "/api/v1/news", "news", "application/json", signal);

        assertThat(byAgency.statusCode()).isEqualTo(403);
        assertThat(byNews.statusCode()).isEqualTo(202);
        List<Read<NewsSignal>> written = KafkaTestSupport.readCommitted(kafka, kafka.topics().news);
        assertThat(written).filteredOn(r -> r.value().id().equals("news-api-1")).extracting(Read::key)
                .containsExactlyInAnyOrder("PGR", "SEGOB");
        assertThat(written).filteredOn(r -> r.value().id().equals("news-api-1")).extracting(Read::timestamp)
                .containsOnly(Instant.parse("2014-09-27T10:00:00Z").toEpochMilli());
        assertThat(written).extracting(r -> r.value().id()).doesNotContain("rejected-news");
    }

    @Test
    void rejectionsAreCountedByReason() {
        post(null, update("rejected-metric", "SCT-1", ""));

        await("the rejection counted").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> m = send("GET", "/metrics", null, null, "");
            assertThat(m.body()).containsPattern("vigia_ingest_updates_rejected_total\\{[^}]*reason=\"unauthorized\"[^}]*} [1-9]")
                    .contains("vigia_ingest_updates_accepted_total");
        });
    }
}
