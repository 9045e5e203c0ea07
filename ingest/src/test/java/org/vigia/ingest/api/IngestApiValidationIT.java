package org.vigia.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigia.ingest.KafkaTestSupport;

/**
 * The ingest API against the real broker: every way a request is refused (400, 413, 415), each
 * naming the field and the rule, and that nothing refused reaches a topic.
 */
class IngestApiValidationIT extends IngestApiFixture {
    static String signal(String id, String publishedAt, String weight) {
        return "{\"id\":\"" + id + "\",\"publishedAt\":\"" + publishedAt + "\",\"outlet\":\"Diario\",\"title\":\"T\","
                + "\"url\":\"https://example.org/" + id + "\",\"agencies\":[\"PGR\"],\"keywords\":[],\"kind\":\"SCANDAL\","
                + "\"weight\":" + weight + "}";
    }

    @Test
    void anInvalidUpdateIsRefusedNamingTheFieldAndTheRule() {
        HttpResponse<String> r = post("agency:SCT", "{\"updateId\":\"rejected-400\",\"commitmentId\":\"SCT-1\",\"percent\":140,"
                + "\"reportedAt\":\"2014-01-10T12:00:00Z\",\"evidenceUrl\":\"ftp://x\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("{\"field\":\"percent\",\"rule\":\"must be between 0 and 100 (was 140.0)\"}")
                .contains("{\"field\":\"evidenceUrl\",\"rule\":\"must be an http or https URL\"}");
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() {
        HttpResponse<String> r = post("agency:SCT", update("rejected-400-typo", "SCT-1", ",\"percnt\":3"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("{\"field\":\"percnt\",\"rule\":\"is not a known field\"}");
    }

    @Test
    void aSourceInTheBodyThatContradictsTheTokenIsRefused() {
        HttpResponse<String> r = post("agency:SCT", update("rejected-400-src", "SCT-1", ",\"source\":\"IRM\""));
        HttpResponse<String> same = post("agency:SCT", update("same-src", "SCT-1", ",\"source\":\"AGENCY\",\"reporter\":\"agency:SCT\""));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"source\"").contains("comes from the token (AGENCY)");
        assertThat(same.statusCode()).isEqualTo(202);
    }

    @Test
    void aMilestoneThatIsNotPartOfTheCommitmentIsRefused() {
        HttpResponse<String> r = post("agency:SCT", update("rejected-400-ms", "SCT-1", ",\"milestoneId\":\"PGR-1-M1\""));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"milestoneId\"").contains("must be a milestone of SCT-1");
    }

    @Test
    void aReportedAtMoreThanFiveMinutesAheadOfTheServerClockIsRefused() {
        String future = Instant.now().plus(Duration.ofMinutes(10)).toString();
        String nearFuture = Instant.now().plus(Duration.ofMinutes(2)).toString();
        HttpResponse<String> r = post("agency:PGR", "{\"updateId\":\"rejected-400-future\",\"commitmentId\":\"PGR-1\","
                + "\"level\":\"LIMITED\",\"reportedAt\":\"" + future + "\"}");
        HttpResponse<String> ok = post("agency:PGR", "{\"updateId\":\"near-future\",\"commitmentId\":\"PGR-1\","
                + "\"level\":\"LIMITED\",\"reportedAt\":\"" + nearFuture + "\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"reportedAt\"").contains("ahead of the server clock");
        assertThat(ok.statusCode()).isEqualTo(202);
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String note = "x".repeat(MAX_BODY);
        HttpResponse<String> r = post("agency:SCT", update("rejected-413", "SCT-1", ",\"note\":\"" + note + "\""));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("larger than " + MAX_BODY + " bytes");
        assertThat(service.meterRegistry().counter("vigia.ingest.updates.rejected", "reason", "too_large").count()).isPositive();
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        HttpResponse<String> text = send("POST", "/api/v1/progress", "agency:SCT", "text/plain", update("rejected-415", "SCT-1", ""));
        HttpResponse<String> none = send("POST", "/api/v1/progress", "agency:SCT", null, update("rejected-415b", "SCT-1", ""));

        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("Content-Type must be application/json");
        assertThat(none.statusCode()).isEqualTo(415);
    }

    @Test
    void aPutWhosePathIdDiffersFromTheBodyIdIsRefused() {
        String body = new String(org.vigia.events.Json.write(commitment("SCT-OTHER", "SCT")));
        HttpResponse<String> r = send("PUT", "/api/v1/commitments/SCT-PATH", "admin", "application/json", body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("{\"field\":\"id\",\"rule\":\"must equal the id in the path (SCT-PATH)\"}");
    }

    @Test
    void theApiCoercesNoScalarANumberAsAStringAnEpochAsAnInstantOrAnOrdinalAsALevel() {
        HttpResponse<String> percent = post("irm", "{\"updateId\":\"rejected-coerce-1\",\"commitmentId\":\"SCT-1\","
                + "\"percent\":\"50\",\"reportedAt\":\"2014-01-10T12:00:00Z\"}");
        HttpResponse<String> epoch = post("irm", "{\"updateId\":\"rejected-coerce-2\",\"commitmentId\":\"SCT-1\","
                + "\"percent\":50,\"reportedAt\":1417392000}");
        HttpResponse<String> ordinal = post("irm", "{\"updateId\":\"rejected-coerce-3\",\"commitmentId\":\"SCT-1\","
                + "\"level\":2,\"reportedAt\":\"2014-01-10T12:00:00Z\"}");

        assertThat(percent.statusCode()).isEqualTo(400);
        assertThat(percent.body()).contains("{\"field\":\"percent\",\"rule\":\"must be a number, not a string (\\\"50\\\")\"}");
        assertThat(epoch.statusCode()).isEqualTo(400);
        assertThat(epoch.body()).contains("\"field\":\"reportedAt\"").contains("not a number (1417392000)");
        assertThat(ordinal.statusCode()).isEqualTo(400);
        assertThat(ordinal.body()).contains("\"field\":\"level\"").contains("not a number (2)");
        assertThat(progressWithPrefix("rejected-coerce", "read_uncommitted")).isEmpty();
    }

    @Test
    void pushedNewsIsBoundedLikeThePollersInWeightAndPublicationDate() {
        HttpResponse<String> heavy = send("POST", "/api/v1/news", "news", "application/json",
                signal("rejected-heavy", "2014-09-27T10:00:00Z", "1e9"));
        HttpResponse<String> future = send("POST", "/api/v1/news", "news", "application/json",
                signal("rejected-2099", "2099-01-01T00:00:00Z", "1.0"));
        HttpResponse<String> fine = send("POST", "/api/v1/news", "news", "application/json",
                signal("bounded-ok", "2014-09-27T10:00:00Z", "3.0"));

        assertThat(heavy.statusCode()).isEqualTo(400);
        assertThat(heavy.body()).contains("\"field\":\"weight\"").contains("must be at most 3.0 (VIGIA_MAX_NEWS_WEIGHT; was 1.0E9)");
        assertThat(future.statusCode()).as("bad input is the client's error, not a server error").isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"publishedAt\"").contains("ahead of the server clock");
        assertThat(fine.statusCode()).isEqualTo(202);
        assertThat(KafkaTestSupport.readAll(kafka, kafka.topics().news, "read_uncommitted")).extracting(r -> r.value().id())
                .contains("bounded-ok").doesNotContain("rejected-heavy", "rejected-2099");
    }

    @Test
    void nothingThatWasRejectedEverReachesATopic() {
        post(null, update("rejected-any-1", "SCT-1", ""));
        post("agency:PGR", update("rejected-any-2", "SCT-1", ""));
        post("irm", update("rejected-any-3", "NOPE", ""));
        post("irm", update("rejected-any-4", "SCT-1", ",\"level\":\"LIMITED\""));
        send("POST", "/api/v1/progress", "irm", "text/plain", update("rejected-any-5", "SCT-1", ""));

        assertThat(progress("read_uncommitted")).extracting(r -> r.value().updateId())
                .noneMatch(id -> id.startsWith("rejected-"));
        assertThat(service.ready()).isTrue();
    }
}
