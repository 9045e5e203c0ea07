package org.vigia.reliability.drive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigia.events.Json;

/** ingest's HTTP API as a client sees it: JSON bodies, a bearer token, a status code and a body back. */
public final class IngestClient {
    private static final ObjectMapper JSON = Json.wire().copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** What ingest answered; {@code status} is 0 when no answer came (connection refused, timeout). */
    public record Answer(int status, String body) {
        public boolean accepted() {
            return status == 202;
        }
    }

    private static final Pattern VIEW_OFFSET = Pattern.compile(
            "(?m)^vigia_ingest_registry_view_offset\\{[^}]*partition=\"(\\d+)\"[^}]*} (\\S+)$");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    public IngestClient(URI base) {
        this.base = base;
    }

    public Answer postProgress(String token, List<?> updates) {
        return post("/api/v1/progress", token, body(updates));
    }

    public Answer postNews(String token, List<?> news) {
        return post("/api/v1/news", token, body(news));
    }

    /** Any request, for the refusal checks: a null token sends no Authorization header. */
    public Answer post(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    /**
     * Returns once ingest's registry view has applied, in every partition, the registry record at
     * {@code offsets[p]} (-1: nothing to wait for) — read from its gauge
     * {@code vigia_ingest_registry_view_offset{partition}}. Ingest stamps each update with the
     * registry offset its view had applied ({@code vigia.after-commitments}), so an update posted
     * after this names the versions just written, in every run alike.
     */
    public void awaitRegistryView(long[] offsets, Instant deadline) {
        while (true) {
            long[] applied = registryViewOffsets(offsets.length);
            boolean reached = true;
            for (int p = 0; p < offsets.length; p++) {
                reached &= applied[p] >= offsets[p];
            }
            if (reached) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("ingest's registry view did not reach " + Arrays.toString(offsets)
                        + " before " + deadline + " (at " + Arrays.toString(applied) + ")");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private long[] registryViewOffsets(int partitions) {
        long[] applied = new long[partitions];
        Arrays.fill(applied, Long.MIN_VALUE);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return applied;
            }
            Matcher m = VIEW_OFFSET.matcher(r.body());
            while (m.find()) {
                int p = Integer.parseInt(m.group(1));
                if (p < partitions) {
                    applied[p] = (long) Double.parseDouble(m.group(2));
                }
            }
        } catch (IOException e) {
            // not answering (a broker or ingest that is down): asked again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return applied;
    }

    public static String body(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
