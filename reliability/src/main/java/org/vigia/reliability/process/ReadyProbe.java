package org.vigia.reliability.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Waits for a service's {@code GET /ready} to answer 200, failing fast if its process dies. */
public final class ReadyProbe {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ReadyProbe() {
    }

    public static void await(ServiceProcess process, URI base, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " exited before it was ready; its log ends with:\n"
                        + process.tail(30));
            }
            if (ready(base)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(process.name() + " not ready after " + timeout + "; its log ends with:\n"
                        + process.tail(30));
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    public static boolean ready(URI base) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/ready")).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
