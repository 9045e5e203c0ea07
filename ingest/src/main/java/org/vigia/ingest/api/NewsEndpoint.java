package org.vigia.ingest.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.vigia.events.NewsSignal;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;
import org.vigia.ingest.news.NewsWriter;
import org.vigia.kit.Principal;
import org.vigia.kit.RequestGuard;

/**
 * {@code POST /api/v1/news}: a NewsSignal, or an array of them, from a feed that pushes
 * instead of being polled; {@code news} or {@code admin} tokens. Each signal is written
 * once per agency it names (key = agency code, timestamp = publishedAt), all in one
 * transaction.
 *
 * <p>Bounded like the poller's signals, so one token cannot pin an agency's heat: the
 * {@code weight} at most {@code VIGIA_MAX_NEWS_WEIGHT}, and {@code publishedAt} not ahead of
 * the server clock by more than {@code VIGIA_MAX_FUTURE_SKEW} (a news item from the future
 * would also be refused by the broker, as a server error instead of the client's).
 */
public final class NewsEndpoint {
    static final Set<Principal.Role> NEWS = Set.of(Principal.Role.NEWS, Principal.Role.ADMIN);

    private final RequestGuard guard;
    private final NewsWriter writer;
    private final Clock clock;
    private final Duration maxFutureSkew;
    private final double maxWeight;

    public NewsEndpoint(RequestGuard guard, NewsWriter writer, Clock clock, Duration maxFutureSkew, double maxWeight) {
        this.guard = guard;
        this.writer = writer;
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
        this.maxWeight = maxWeight;
    }

    public CompletableFuture<List<String>> post(Context ctx) {
        guard.authenticate(ctx, NEWS);
        JsonBodies.Items<NewsSignal> parsed = JsonBodies.read(guard.jsonBody(ctx), NewsSignal.class);
        Instant now = clock.instant();
        Instant latest = now.plus(maxFutureSkew);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < parsed.items().size(); i++) {
            NewsSignal s = parsed.items().get(i);
            String at = parsed.prefix(i);
            if (s == null) {
                violations.add(new Violation(at.isEmpty() ? "(body)" : at.substring(0, at.length() - 1), "must not be null"));
                continue;
            }
            s.violations().forEach(v -> violations.add(new Violation(at + v.field(), v.rule())));
            if (s.weight() != null && s.weight() > maxWeight) {
                violations.add(new Violation(at + "weight", "must be at most " + maxWeight + " (VIGIA_MAX_NEWS_WEIGHT; was "
                        + s.weight() + ")"));
            }
            if (s.publishedAt() != null && s.publishedAt().isAfter(latest)) {
                violations.add(new Violation(at + "publishedAt", "must not be more than " + maxFutureSkew.toSeconds()
                        + " s ahead of the server clock (server time " + now + ")"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return writer.submit(parsed.items()).thenApply(done -> parsed.items().stream().map(NewsSignal::id).toList());
    }
}
