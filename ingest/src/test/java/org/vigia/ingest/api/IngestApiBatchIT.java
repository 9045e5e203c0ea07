package org.vigia.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.vigia.events.Commitment;
import org.vigia.events.Follows;
import org.vigia.events.ProgressUpdate;
import org.vigia.ingest.KafkaTestSupport.Read;
import org.vigia.ingest.KafkaTestSupport;

/**
 * The ingest API against the real broker: a batch is written whole or not at all, whether it is
 * refused, accepted or one of many concurrent ones.
 */
class IngestApiBatchIT extends IngestApiFixture {
    @Test
    void aReportedAtBeforeTheEpochIsRefusedAndNothingOfItsBatchIsWritten() {
        HttpResponse<String> r = post("irm", "[" + update("rejected-400-epoch-0", "SCT-1", "") + ","
                + "{\"updateId\":\"rejected-400-epoch-1\",\"commitmentId\":\"SCT-1\",\"percent\":40,"
                + "\"reportedAt\":\"1969-12-31T23:59:59Z\"}]");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("{\"field\":\"[1].reportedAt\",\"rule\":\"must not be before 1970-01-01T00:00:00Z");
        assertThat(progressWithPrefix("rejected-400-epoch", "read_uncommitted")).isEmpty();
    }

    @Test
    void aBatchOfAHundredWithOneBadItemWritesNothingNeitherCommittedNorUncommitted() {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        IntStream.range(0, 100).forEach(i -> batch.add(i == 73
                ? "{\"updateId\":\"atomic-bad-73\",\"commitmentId\":\"SCT-1\",\"percent\":-5,\"reportedAt\":\"2014-01-10T12:00:00Z\"}"
                : update("atomic-bad-" + i, "SCT-1", "")));

        HttpResponse<String> r = post("agency:SCT", batch.toString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"[73].percent\"");
        assertThat(progressWithPrefix("atomic-bad-", "read_committed")).isEmpty();
        assertThat(progressWithPrefix("atomic-bad-", "read_uncommitted")).isEmpty();
    }

    @Test
    void aBatchOfAHundredWithOneForeignCommitmentWritesNothing() {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        IntStream.range(0, 100).forEach(i -> batch.add(update("atomic-foreign-" + i, i == 50 ? "PGR-1" : "SCT-1", "")));

        HttpResponse<String> r = post("agency:SCT", batch.toString());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"field\":\"[50].commitmentId\"");
        assertThat(progressWithPrefix("atomic-foreign-", "read_uncommitted")).isEmpty();
    }

    @Test
    void aValidBatchOfAHundredIsWrittenWholeAndAnsweredWithEveryId() {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        IntStream.range(0, 100).forEach(i -> batch.add(update("atomic-ok-" + i, "SCT-1", "")));

        HttpResponse<String> r = post("agency:SCT", batch.toString());

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).contains("\"atomic-ok-0\"").contains("\"atomic-ok-99\"");
        assertThat(progressWithPrefix("atomic-ok-", "read_committed")).hasSize(100);
    }

    /**
     * The processor applies an update after the registry version it was accepted against: the
     * record names the last registry record of its partition the view had applied, which the
     * view's gauge shows too.
     */
    @Test
    void anAcceptedUpdateNamesTheLastRegistryRecordItsViewHadAppliedInItsPartition() {
        List<Read<Commitment>> registry = KafkaTestSupport.readCommitted(kafka, kafka.topics().commitments);
        int partition = registry.stream().filter(c -> c.key().equals("SCT-1")).findFirst().orElseThrow().partition();
        long last = registry.stream().filter(c -> c.partition() == partition).mapToLong(Read::offset).max().orElseThrow();
        String gauge = "vigia_ingest_registry_view_offset{partition=\"" + partition + "\",service=\"ingest\"} " + last + ".0";
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                send("GET", "/metrics", null, null, "").body()).contains(gauge));

        HttpResponse<String> r = post("agency:SCT", "[" + update("follows-1", "SCT-1", "") + "]");

        assertThat(r.statusCode()).isEqualTo(202);
        // 202 follows the commit; the commit marker reaches the partition a moment later.
        Read<ProgressUpdate> written = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> progress("read_committed")
                .stream().filter(p -> p.value().updateId().equals("follows-1")).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(written.partition()).isEqualTo(partition);
        assertThat(written.follows(Follows.AFTER_COMMITMENTS)).isEqualTo(last);
    }

    @Test
    void aRegistryBatchIsWrittenWholeOrRefusedWhole() {
        String good = new String(org.vigia.events.Json.write(commitment("REG-A", "SFP")));
        String bad = good.replace("REG-A", "REG-B").replace("\"2015-10-31\"", "\"2012-01-01\"");
        HttpResponse<String> refused = send("POST", "/api/v1/commitments", "admin", "application/json", "[" + good + "," + bad + "]");
        HttpResponse<String> accepted = send("POST", "/api/v1/commitments", "admin", "application/json",
                "[" + good + "," + good.replace("REG-A", "REG-C") + "]");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"[1].dueDate\"");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(KafkaTestSupport.readAll(kafka, kafka.topics().commitments, "read_uncommitted"))
                .extracting(Read::key).contains("REG-A", "REG-C").doesNotContain("REG-B");
    }

    @Test
    void concurrentRequestsAreEachAnsweredAfterTheirCommitAndAllWritten() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = IntStream.range(0, 16)
                    .mapToObj(i -> pool.submit(() -> post("irm", "[" + update("concurrent-" + i + "-a", "SCT-1", "") + ","
                            + update("concurrent-" + i + "-b", "PGR-1", "") + "]"))).toList();
            for (var a : answers) {
                assertThat(a.get().statusCode()).isEqualTo(202);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(progressWithPrefix("concurrent-", "read_committed")).hasSize(32);
        assertThat(service.meterRegistry().summary("vigia.ingest.transaction.records").totalAmount()).isPositive();
    }
}
