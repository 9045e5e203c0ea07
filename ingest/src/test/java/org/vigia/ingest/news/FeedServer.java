package org.vigia.ingest.news;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A local HTTP server (127.0.0.1) serving feed fixtures, recording every request it receives. */
final class FeedServer implements AutoCloseable {
    record Request(String path, String ifNoneMatch, String ifModifiedSince) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    long requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    /** Serves a body; with an etag, answers 304 to a request that presents it. */
    FeedServer serve(String path, byte[] body, String contentType, String etag, String lastModified) {
        server.createContext(path, exchange -> {
            record(exchange);
            String presented = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (etag != null && etag.equals(presented)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            if (etag != null) {
                exchange.getResponseHeaders().add("ETag", etag);
            }
            if (lastModified != null) {
                exchange.getResponseHeaders().add("Last-Modified", lastModified);
            }
            respond(exchange, 200, body, contentType);
        });
        return this;
    }

    FeedServer status(String path, int status) {
        server.createContext(path, exchange -> {
            record(exchange);
            respond(exchange, status, "oops".getBytes(), "text/plain");
        });
        return this;
    }

    /** Answers only when the test ends: a feed slower than any timeout. */
    FeedServer slow(String path, byte[] body) {
        server.createContext(path, exchange -> {
            record(exchange);
            try {
                releaseSlow.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, body, "application/rss+xml");
        });
        return this;
    }

    private void record(HttpExchange exchange) {
        requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since")));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client gave up (timeout): fine
        }
    }

    Map<String, Long> countsByPath() {
        return requests.stream().collect(java.util.stream.Collectors.groupingBy(Request::path, java.util.stream.Collectors.counting()));
    }

    @Override
    public void close() {
        releaseSlow.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
