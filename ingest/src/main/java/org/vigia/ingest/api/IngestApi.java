package org.vigia.ingest.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.ValidationException;
import org.vigia.ingest.kafka.TransactionalWriter.WriteFailedException;
import org.vigia.kit.ApiErrors;

/**
 * The routes of the ingest API and the one place where refusals become HTTP answers and
 * are counted ({@code vigia.ingest.updates.rejected}, by reason). A request that is
 * refused never reaches Kafka: every check runs before the transaction starts.
 */
public final class IngestApi {
    private static final Logger log = LoggerFactory.getLogger(IngestApi.class);

    private final ProgressEndpoint progress;
    private final CommitmentEndpoint commitments;
    private final NewsEndpoint news;
    private final IngestMetrics metrics;

    public IngestApi(ProgressEndpoint progress, CommitmentEndpoint commitments, NewsEndpoint news, IngestMetrics metrics) {
        this.progress = progress;
        this.commitments = commitments;
        this.news = news;
        this.metrics = metrics;
    }

    public void routes(RoutesConfig routes) {
        routes.post("/api/v1/progress", guarded(progress::post));
        routes.put("/api/v1/commitments/{id}", guarded(commitments::put));
        routes.post("/api/v1/commitments", guarded(commitments::postAll));
        routes.post("/api/v1/news", guarded(news::post));
    }

    private Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Rejection r) {
                metrics.rejected(r.reason()).increment();
                ApiErrors.respond(ctx, r.status(), r.getMessage(), r.violations());
            } catch (ValidationException e) {
                metrics.rejected(Rejection.Reason.VALIDATION).increment();
                ApiErrors.invalid(ctx, e);
            } catch (WriteFailedException e) {
                log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                unavailable(ctx, e);
            }
        };
    }

    private static void unavailable(Context ctx, WriteFailedException e) {
        ctx.header("Retry-After", "5");
        ApiErrors.respond(ctx, 503, "not written, retry later: " + e.getMessage());
    }
}
