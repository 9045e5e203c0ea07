package org.vigia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.vigia.events.Json;
import org.vigia.events.ProgressUpdate;

/** The latency bench's cross-check: when the query API first shows an update. */
final class QueryApiProbe {
    private QueryApiProbe() {
    }

    /** Polls the query API until the commitment shows this update; -1 if it never did within 10 s. */
    static double poll(HttpClient http, int port, ProgressUpdate u, long scheduled, long everyMillis) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/commitments/" + u.commitmentId());
        long deadline = scheduled + Duration.ofSeconds(10).toNanos();
        String expected = u.reportedAt().toString();
        try {
            while (System.nanoTime() < deadline) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    Object seen = Json.wire().readValue(r.body(), Map.class).get("lastUpdateAt");
                    if (seen != null && !Instant.parse(seen.toString()).isBefore(u.reportedAt())) {
                        return (System.nanoTime() - scheduled) / 1e6;
                    }
                }
                Thread.sleep(everyMillis);
            }
        } catch (Exception e) {
            System.err.println("query poll of " + expected + " failed: " + e);
        }
        return -1;
    }
}
