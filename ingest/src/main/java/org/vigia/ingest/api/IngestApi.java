package org.vigia.ingest.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.ValidationException;
import org.vigia.ingest.kafka.TransactionalWriter.WriteFailedException;
import org.vigia.ingest.kafka.TransactionalWriter.WriteOutcomeUnknownException;
import org.vigia.ingest.metrics.IngestMetrics;
import org.vigia.kit.ApiErrors;
import org.vigia.kit.RequestRefused;

/**
 * The routes of the ingest API and the one place where refusals and write outcomes become
 * HTTP answers and are counted ({@code vigia.ingest.updates.rejected}, by reason). A refusal,
 * whether the kit's {@link org.vigia.kit.RequestGuard} or ingest's own policy threw it, is
 * counted here and then answered the way the kit answers every {@link RequestRefused}. A
 * request that is refused never reaches Kafka: every check runs before its records are queued.
 *
 * <p>Handlers are asynchronous: the Jetty thread authenticates, parses and validates, queues
 * the records for the group commit and returns; the answer goes out when the transaction
 * holding them is committed (202) or has failed (503).
 */
public final class IngestApi {
    private static final Logger log = LoggerFactory.getLogger(IngestApi.class);

    /** Checks a request and queues its records; the future yields the ids to answer with once they are written. */
    @FunctionalInterface
    interface Write {
        CompletableFuture<List<String>> start(Context ctx);
    }

    private final ProgressEndpoint progress;
    private final CommitmentEndpoint commitments;
    private final NewsEndpoint news;
    private final IngestMetrics metrics;

    public IngestApi(ProgressEndpoint progress, CommitmentEndpoint commitments, NewsEndpoint news, IngestMetrics metrics) {
        this.progress = progress;
        this.commitments = commitments;
        this.news = news;
        this.metrics = metrics;
        for (Rejection.Reason r : Rejection.Reason.values()) {
            metrics.rejected(r.tag());
        }
    }

    public void routes(RoutesConfig routes) {
        routes.post("/api/v1/progress", guarded(progress::post));
        routes.put("/api/v1/commitments/{id}", guarded(commitments::put));
        routes.post("/api/v1/commitments", guarded(commitments::postAll));
        routes.post("/api/v1/news", guarded(news::post));
    }

    private Handler guarded(Write write) {
        return ctx -> {
            CompletableFuture<List<String>> written;
            try {
                written = write.start(ctx);
            } catch (RequestRefused r) {
                metrics.rejected(Rejection.Reason.of(r.status()).tag()).increment();
                r.answer(ctx);
                return;
            } catch (ValidationException e) {
                metrics.rejected(Rejection.Reason.VALIDATION.tag()).increment();
                ApiErrors.invalid(ctx, e);
                return;
            }
            ctx.future(() -> written.handle((ids, failure) -> {
                if (failure == null) {
                    ApiErrors.json(ctx, 202, Map.of("accepted", ids));
                } else {
                    unavailable(ctx, failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
                }
                return null;
            }));
        };
    }

    private static void unavailable(Context ctx, Throwable failure) {
        log.warn("{} {}: {}", ctx.method(), ctx.path(), failure.getMessage());
        ctx.header("Retry-After", "5");
        if (failure instanceof WriteOutcomeUnknownException) {
            ApiErrors.respond(ctx, 503, "outcome unknown: the commit to Kafka did not finish in time, so the request may or"
                    + " may not have been written; sending the same request again is safe (a repeated updateId, commitment"
                    + " or news id is ignored or overwrites itself): " + failure.getMessage());
        } else if (failure instanceof WriteFailedException) {
            ApiErrors.respond(ctx, 503, "not written, retry later: nothing of the request was written: " + failure.getMessage());
        } else {
            log.error("unexpected failure of {} {}", ctx.method(), ctx.path(), failure);
            ApiErrors.respond(ctx, 500, "internal error");
        }
    }
}
