package org.vigia.reliability.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/** Reads one Prometheus metric from a service's {@code /metrics}: the sum over its label sets. */
public final class Metrics {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Metrics() {
    }

    public static OptionalDouble sum(URI service, String name, String labelFilter) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(service.resolve("/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            double sum = 0;
            boolean found = false;
            for (String line : r.body().split("\n")) {
                if (line.startsWith(name) && (line.length() > name.length())
                        && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')
                        && (labelFilter == null || line.contains(labelFilter))) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }
}
