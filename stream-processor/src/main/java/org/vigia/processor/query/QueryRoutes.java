package org.vigia.processor.query;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;
import org.vigia.kit.ApiErrors;

/**
 * The read-only query API (DESIGN §5), public by design. {@code /api/v1/...} answers for every
 * key from any instance; {@code /internal/v1/...} answers from this instance's stores only and
 * is what other instances call when forwarding.
 */
public final class QueryRoutes {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int DEFAULT_ALERTS = 50;
    private static final int MAX_ALERTS = 1000;

    private static final List<String> STATUS_COLUMNS = List.of("commitmentId", "planId", "agency", "sector", "title",
            "completion", "verifiedCompletion", "state", "disputed", "evidenceMissing", "lastProgressAt", "lastUpdateAt",
            "daysWithoutProgress", "projectedCompletion", "asOf");
    private static final List<String> ALERT_COLUMNS = List.of("raisedAt", "alertId", "type", "status", "severity",
            "planId", "agency", "sector", "commitmentId", "title", "summary");

    private QueryRoutes() {
    }

    public static void register(RoutesConfig routes, Supplier<QueryService> queries) {
        routes.exception(QueryUnavailableException.class,
                (e, ctx) -> ApiErrors.respond(ctx.header("Retry-After", "2"), 503, e.getMessage()));

        routes.get("/api/v1/commitments", ctx -> statuses(ctx, queries.get().commitments(Filters.from(ctx))));
        routes.get("/api/v1/commitments/{id}", ctx -> one(ctx, id -> queries.get().commitment(id)));
        routes.get("/api/v1/commitments/{id}/history", ctx -> one(ctx, id -> queries.get().history(id)));
        routes.get("/api/v1/sectors", ctx -> rollups(ctx, "sector", queries.get().sectors(Filters.plan(ctx))));
        routes.get("/api/v1/agencies", ctx -> rollups(ctx, "agency", queries.get().agencies(Filters.plan(ctx))));
        routes.get("/api/v1/alerts", ctx -> alerts(ctx, queries.get().alerts(Filters.plan(ctx),
                Filters.limit(ctx, DEFAULT_ALERTS, MAX_ALERTS))));

        routes.get("/internal/v1/commitments", ctx -> ApiErrors.json(ctx, 200,
                queries.get().local().commitments(Filters.from(ctx))));
        routes.get("/internal/v1/commitments/{id}", ctx -> one(ctx, id -> queries.get().local().commitment(id)));
        routes.get("/internal/v1/commitments/{id}/history",
                ctx -> one(ctx, id -> queries.get().local().history(id)));
        routes.get("/internal/v1/sectors", ctx -> ApiErrors.json(ctx, 200,
                queries.get().local().sectors(Filters.plan(ctx))));
        routes.get("/internal/v1/agencies", ctx -> ApiErrors.json(ctx, 200,
                queries.get().local().agencies(Filters.plan(ctx))));
        routes.get("/internal/v1/alerts", ctx -> ApiErrors.json(ctx, 200,
                queries.get().local().alerts(Filters.plan(ctx), Filters.limit(ctx, DEFAULT_ALERTS, MAX_ALERTS))));
    }

    private static void one(Context ctx, Function<String, Optional<Map<String, Object>>> lookup) {
        String id = ctx.pathParam("id");
        Optional<Map<String, Object>> found = ID.matcher(id).matches() ? lookup.apply(id) : Optional.empty();
        if (found.isPresent()) {
            ApiErrors.json(ctx, 200, found.get());
        } else {
            ApiErrors.respond(ctx, 404, "no commitment '" + id + "' in the registry");
        }
    }

    private static boolean wantsCsv(Context ctx) {
        // ?format=csv lets a plain link (the panel's download, a spreadsheet's web import) ask for CSV.
        String accept = ctx.header("Accept");
        return "csv".equalsIgnoreCase(ctx.queryParam("format"))
                || accept != null && accept.toLowerCase().contains("text/csv");
    }

    private static void csv(Context ctx, String body) {
        ctx.status(200).contentType("text/csv; charset=utf-8").result(body);
    }

    private static void statuses(Context ctx, List<CommitmentStatus> list) {
        if (!wantsCsv(ctx)) {
            ApiErrors.json(ctx, 200, list);
            return;
        }
        csv(ctx, Csv.write(STATUS_COLUMNS, list, s -> Arrays.asList(s.commitmentId(), s.planId(), s.agency(),
                s.sector(), s.title(), s.completion(), s.verifiedCompletion(), s.state(), s.disputed(),
                s.evidenceMissing(), s.lastProgressAt(), s.lastUpdateAt(), s.daysWithoutProgress(),
                s.projectedCompletion(), s.asOf())));
    }

    private static void rollups(Context ctx, String group, List<RollupView> list) {
        if (!wantsCsv(ctx)) {
            ApiErrors.json(ctx, 200, list);
            return;
        }
        csv(ctx, Csv.write(List.of("planId", group, "commitments", "completed", "stalled", "atRisk", "overdue",
                "meanCompletion", "asOf"), list, r -> Arrays.asList(r.planId(), r.group(), r.commitments(),
                r.completed(), r.stalled(), r.atRisk(), r.overdue(), r.meanCompletion(), r.asOf())));
    }

    private static void alerts(Context ctx, List<Alert> list) {
        if (!wantsCsv(ctx)) {
            ApiErrors.json(ctx, 200, list);
            return;
        }
        csv(ctx, Csv.write(ALERT_COLUMNS, list, a -> Arrays.asList(a.raisedAt(), a.alertId(), a.type(), a.status(),
                a.severity(), a.planId(), a.agency(), a.sector(), a.commitmentId(), a.title(), a.summary())));
    }
}
