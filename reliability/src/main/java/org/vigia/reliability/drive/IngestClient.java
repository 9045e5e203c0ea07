package org.vigia.reliability.drive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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

    public static String body(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
