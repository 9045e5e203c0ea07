package org.vigia.reliability.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reading follows each page's Link rel="next" to the end, asks a 503 again, and attributes every Message-ID. */
class DeliveryLogTest {
    private HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyPageOfEverySubscriberIsReadThroughTheLinksAndA503IsAskedAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/notifications", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            asked.add(query);
            String body;
            if (calls.incrementAndGet() == 2) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            if (query.startsWith("subscriber=cso1") && !query.contains("after=")) {
                exchange.getResponseHeaders().add("Link", "</api/v1/notifications?subscriber=cso1&order=key&limit=1000&after=T1>;"
                        + " rel=\"next\"");
                body = "[" + entry("cso1", "a1", "<m1@vigia>") + "," + entry("cso1", "a2", "<m1@vigia>") + "]";
            } else if (query.startsWith("subscriber=cso1")) {
                body = "[" + entry("cso1", "a3", "<m2@vigia>") + "]";
            } else {
                body = "[]";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        DeliveryLog log = DeliveryLog.read(List.of(base), List.of("cso1", "cso2"), "admin-token");

        assertThat(asked).containsExactly("subscriber=cso1&order=key&limit=1000",
                "subscriber=cso1&order=key&limit=1000&after=T1", "subscriber=cso1&order=key&limit=1000&after=T1",
                "subscriber=cso2&order=key&limit=1000");
        assertThat(log.unanswered()).isZero();
        assertThat(log.entriesRead()).isEqualTo(3);
        assertThat(log.requests()).isEqualTo(4);
        assertThat(log.notificationsOf("<m1@vigia>")).containsExactlyInAnyOrder("cso1|a1|FIRING|WARNING", "cso1|a2|FIRING|WARNING");
        assertThat(log.notificationsOf("<m2@vigia>")).containsExactly("cso1|a3|FIRING|WARNING");
    }

    private static String entry(String subscriber, String alertId, String messageId) {
        return """
                {"key":"%s|%s|FIRING|WARNING","subscriber":"%s","alertId":"%s","kind":"firing","severity":"WARNING",
                 "state":"sent","recipients":[{"recipient":"0123456789abcdef","state":"sent","attempts":1,"messageId":"%s"}]}"""
                .formatted(subscriber, alertId, subscriber, alertId, messageId);
    }
}
