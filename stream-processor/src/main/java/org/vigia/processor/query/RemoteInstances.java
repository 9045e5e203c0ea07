package org.vigia.processor.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.vigia.events.Json;

/** Asks another instance of this application for what its stores hold, over its internal endpoints. */
final class RemoteInstances {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The answer and how many records the remote copy is behind (0 unless it answered from a stale copy). */
    record Reply<T>(Optional<T> value, long lagRecords) {
    }

    <T> Reply<T> get(HostInfo host, String pathAndQuery, TypeReference<T> type) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            long lag = response.headers().firstValueAsLong(QueryRoutes.LAG_HEADER).orElse(0);
            if (response.statusCode() == 404) {
                return new Reply<>(Optional.empty(), lag);
            }
            if (response.statusCode() != 200) {
                throw new QueryUnavailableException("instance " + host + " answered " + response.statusCode());
            }
            return new Reply<>(Optional.of(Json.wire().readValue(response.body(), type)), lag);
        } catch (IOException e) {
            throw new QueryUnavailableException("instance " + host + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("interrupted while asking " + host, e);
        }
    }
}
