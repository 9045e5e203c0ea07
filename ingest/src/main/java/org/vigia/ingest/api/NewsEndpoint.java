package org.vigia.ingest.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigia.events.NewsSignal;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;
import org.vigia.ingest.news.NewsWriter;
import org.vigia.kit.ApiErrors;
import org.vigia.kit.Principal;

/**
 * {@code POST /api/v1/news}: a NewsSignal, or an array of them, from a feed that pushes
 * instead of being polled; {@code news} or {@code admin} tokens. Each signal is written
 * once per agency it names (key = agency code, timestamp = publishedAt), all in one
 * transaction.
 */
public final class NewsEndpoint {
    static final Set<Principal.Role> NEWS = Set.of(Principal.Role.NEWS, Principal.Role.ADMIN);

    private final RequestGuard guard;
    private final NewsWriter writer;

    public NewsEndpoint(RequestGuard guard, NewsWriter writer) {
        this.guard = guard;
        this.writer = writer;
    }

    public void post(Context ctx) {
        guard.authenticate(ctx, NEWS);
        JsonBodies.Items<NewsSignal> parsed = JsonBodies.read(guard.jsonBody(ctx), NewsSignal.class);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < parsed.items().size(); i++) {
            NewsSignal s = parsed.items().get(i);
            String at = parsed.prefix(i);
            if (s == null) {
                violations.add(new Violation(at.isEmpty() ? "(body)" : at.substring(0, at.length() - 1), "must not be null"));
            } else {
                s.violations().forEach(v -> violations.add(new Violation(at + v.field(), v.rule())));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        writer.write(parsed.items());
        ApiErrors.json(ctx, 202, Map.of("accepted", parsed.items().stream().map(NewsSignal::id).toList()));
    }
}
