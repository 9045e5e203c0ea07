package org.vigia.ingest.news;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a feed with a conditional GET: the {@code ETag} and {@code Last-Modified} of the
 * previous 200 go out as {@code If-None-Match} and {@code If-Modified-Since}, and a 304
 * means "nothing new". The timeout bounds the whole exchange, body included, so a feed that
 * trickles its bytes cannot hold a poller thread.
 */
public final class FeedFetcher {
    /** Validators of the last full response, sent back on the next request. */
    public record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);
    }

    /** A 200 (body, its type and new validators) or a 304 (no body). */
    public record Fetched(boolean notModified, byte[] body, String contentType, Validators validators) {
    }

    private final HttpClient client;

    public FeedFetcher(Duration connectTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public Fetched fetch(FeedsConfig.Feed feed, Validators previous, Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(feed.url()).timeout(timeout).GET()
                .header("User-Agent", "Vigia-news-poller/0.1")
                .header("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
        if (previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("no complete answer within " + timeout);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IOException("interrupted");
        }
        if (response.statusCode() == 304) {
            return new Fetched(true, null, null, previous);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        Optional<String> etag = response.headers().firstValue("ETag");
        Optional<String> lastModified = response.headers().firstValue("Last-Modified");
        return new Fetched(false, response.body(), response.headers().firstValue("Content-Type").orElse(null),
                new Validators(etag.orElse(null), lastModified.orElse(null)));
    }
}
