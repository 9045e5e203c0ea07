package org.vigia.processor.query;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;
import org.vigia.kit.ApiErrors;
import org.vigia.processor.topology.StoreNames;
import org.vigia.processor.topology.rollup.Rollup;

/**
 * The read-only query API, public by design. {@code /api/v1/...} answers for every key from any
 * instance; {@code /internal/v1/...} answers from this instance's stores only, for the partitions
 * asked ({@code partition}, {@code partitions}, {@code stale}), and is what other instances call.
 *
 * <p>Freshness travels in headers, so the bodies keep their shape: {@value #STALE_HEADER}
 * {@code true} when part of the answer came from a standby copy, {@value #LAG_HEADER} how many
 * records that copy is behind, {@value #MISSING_HEADER} the partitions no instance could answer.
 */
public final class QueryRoutes {
    public static final String STALE_HEADER = "Vigia-Stale";
    public static final String LAG_HEADER = "Vigia-Lag-Records";
    public static final String MISSING_HEADER = "Vigia-Missing-Partitions";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int DEFAULT_ALERTS = 50;
    private static final int MAX_ALERTS = 1000;

    private static final List<String> STATUS_COLUMNS = List.of("commitmentId", "planId", "agency", "sector", "title",
            "completion", "verifiedCompletion", "state", "disputed", "evidenceMissing", "lastProgressAt", "lastUpdateAt",
            "daysWithoutProgress", "projectedCompletion", "asOf");
    private static final List<String> ALERT_COLUMNS = List.of("raisedAt", "alertId", "type", "status", "severity",
            "planId", "agency", "sector", "commitmentId", "title", "summary");
    private static final List<String> SERIES_COLUMNS = List.of("date", "completion", "verifiedCompletion", "state",
            "stalled", "disputed", "daysWithoutProgress");

    private QueryRoutes() {
    }

    public static void register(RoutesConfig routes, Supplier<QueryService> queries) {
        routes.exception(QueryUnavailableException.class,
                (e, ctx) -> ApiErrors.respond(ctx.header("Retry-After", "2"), 503, e.getMessage()));
        publicRoutes(routes, queries);
        internalRoutes(routes, queries);
    }

    private static void publicRoutes(RoutesConfig routes, Supplier<QueryService> queries) {
        routes.get("/api/v1/commitments", ctx -> statuses(ctx, queries.get().commitments(Filters.from(ctx),
                Filters.asOf(ctx))));
        routes.get("/api/v1/commitments/{id}", ctx -> one(ctx, id -> queries.get().commitment(id)));
        routes.get("/api/v1/commitments/{id}/history", ctx -> one(ctx, id -> queries.get().history(id)));
        routes.get("/api/v1/commitments/{id}/series", ctx -> series(ctx, id -> queries.get().series(id,
                Filters.date(ctx, "to"))));
        routes.get("/api/v1/sectors", ctx -> rollups(ctx, "sector", queries.get().rollups(Rollup.Kind.SECTOR,
                Filters.plan(ctx), Filters.asOf(ctx))));
        routes.get("/api/v1/agencies", ctx -> rollups(ctx, "agency", queries.get().rollups(Rollup.Kind.AGENCY,
                Filters.plan(ctx), Filters.asOf(ctx))));
        routes.get("/api/v1/alerts", ctx -> alerts(ctx, queries.get().alerts(Filters.plan(ctx),
                Filters.limit(ctx, DEFAULT_ALERTS, MAX_ALERTS))));
    }

    private static void internalRoutes(RoutesConfig routes, Supplier<QueryService> queries) {
        routes.get("/internal/v1/commitments", ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                l.commitments(Filters.from(ctx), Filters.asOf(ctx), ps, stale), StoreNames.LEDGER));
        routes.get("/internal/v1/commitments/{id}", ctx -> localOne(ctx, (id, p, stale) ->
                queries.get().local().commitment(id, p, stale)));
        routes.get("/internal/v1/commitments/{id}/history", ctx -> localOne(ctx, (id, p, stale) ->
                queries.get().local().history(id, p, stale)));
        routes.get("/internal/v1/commitments/{id}/series", ctx -> localOne(ctx, (id, p, stale) ->
                queries.get().local().series(id, p, stale, Filters.date(ctx, "to"))));
        routes.get("/internal/v1/sectors", ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                l.rollups(Rollup.Kind.SECTOR, Filters.plan(ctx), Filters.asOf(ctx), ps, stale),
                StoreNames.ROLLUPS));
        routes.get("/internal/v1/agencies", ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                l.rollups(Rollup.Kind.AGENCY, Filters.plan(ctx), Filters.asOf(ctx), ps, stale),
                StoreNames.ROLLUPS));
        routes.get("/internal/v1/alerts/judge", ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                l.alerts(Filters.plan(ctx), Filters.limit(ctx, DEFAULT_ALERTS, MAX_ALERTS), ps, List.of(), stale),
                StoreNames.ALERT_LOG));
        routes.get("/internal/v1/alerts/heat", ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                l.alerts(Filters.plan(ctx), Filters.limit(ctx, DEFAULT_ALERTS, MAX_ALERTS), List.of(), ps, stale),
                StoreNames.AGENCY_ALERT_LOG));
    }

    @FunctionalInterface
    private interface LocalList {
        List<?> apply(LocalStores local, Set<Integer> partitions, boolean stale);
    }

    @FunctionalInterface
    private interface LocalKey {
        Optional<?> apply(String id, int partition, boolean stale);
    }

    private static void local(Context ctx, LocalStores stores, LocalList list, String store) {
        Set<Integer> partitions = partitions(ctx.queryParam("partitions"));
        boolean stale = "true".equals(ctx.queryParam("stale"));
        List<?> rows = list.apply(stores, partitions, stale);
        if (stale) {
            ctx.header(LAG_HEADER, String.valueOf(partitions.stream().mapToLong(p -> stores.lag(store, p)).max()
                    .orElse(0)));
        }
        ApiErrors.json(ctx, 200, rows);
    }

    private static void localOne(Context ctx, LocalKey lookup) {
        String id = ctx.pathParam("id");
        int partition = partitions(ctx.queryParam("partition")).stream().findFirst()
                .orElseThrow(() -> invalid("partition", "is required"));
        boolean stale = "true".equals(ctx.queryParam("stale"));
        Optional<?> found = ID.matcher(id).matches() ? lookup.apply(id, partition, stale) : Optional.empty();
        if (found.isPresent()) {
            ApiErrors.json(ctx, 200, found.get());
        } else {
            ApiErrors.respond(ctx, 404, "no commitment '" + id + "' in the registry");
        }
    }

    private static Set<Integer> partitions(String raw) {
        Set<Integer> out = new TreeSet<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String part : raw.split(",")) {
            try {
                out.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw invalid("partitions", "must be a comma-separated list of partition numbers (was '" + raw + "')");
            }
        }
        return out;
    }

    private static ValidationException invalid(String field, String rule) {
        return new ValidationException(List.of(new Violation(field, rule)));
    }

    private static void freshness(Context ctx, Answer<?> answer) {
        if (answer.stale()) {
            ctx.header(STALE_HEADER, "true");
            ctx.header(LAG_HEADER, String.valueOf(answer.lagRecords()));
        }
        if (!answer.missingPartitions().isEmpty()) {
            ctx.header(MISSING_HEADER, answer.missingPartitions().stream().map(String::valueOf)
                    .collect(Collectors.joining(",")));
        }
    }

    private static void one(Context ctx, java.util.function.Function<String, Answer<? extends Optional<?>>> lookup) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            ApiErrors.respond(ctx, 404, "no commitment '" + id + "' in the registry");
            return;
        }
        Answer<? extends Optional<?>> found = lookup.apply(id);
        freshness(ctx, found);
        if (found.value().isPresent()) {
            ApiErrors.json(ctx, 200, found.value().get());
        } else {
            ApiErrors.respond(ctx, 404, "no commitment '" + id + "' in the registry");
        }
    }

    private static void series(Context ctx, java.util.function.Function<String, Answer<Optional<List<DailyPoint>>>> lookup) {
        String id = ctx.pathParam("id");
        Answer<Optional<List<DailyPoint>>> found = ID.matcher(id).matches() ? lookup.apply(id)
                : Answer.fresh(Optional.empty());
        freshness(ctx, found);
        if (found.value().isEmpty()) {
            ApiErrors.respond(ctx, 404, "no commitment '" + id + "' in the registry");
        } else if (!wantsCsv(ctx)) {
            ApiErrors.json(ctx, 200, found.value().get());
        } else {
            csv(ctx, Csv.write(SERIES_COLUMNS, found.value().get(), p -> Arrays.asList(p.date(), p.completion(),
                    p.verifiedCompletion(), p.state(), p.stalled(), p.disputed(), p.daysWithoutProgress())));
        }
    }

    private static boolean wantsCsv(Context ctx) {
        // ?format=csv lets a plain link (the panel's download, a spreadsheet's web import) ask for CSV.
        String accept = ctx.header("Accept");
        return "csv".equalsIgnoreCase(ctx.queryParam("format"))
                || accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
    }

    private static void csv(Context ctx, String body) {
        ctx.status(200).contentType("text/csv; charset=utf-8").result(body);
    }

    private static void statuses(Context ctx, Answer<List<CommitmentStatus>> answer) {
        freshness(ctx, answer);
        if (!wantsCsv(ctx)) {
            ApiErrors.json(ctx, 200, answer.value());
            return;
        }
        csv(ctx, Csv.write(STATUS_COLUMNS, answer.value(), s -> Arrays.asList(s.commitmentId(), s.planId(), s.agency(),
                s.sector(), s.title(), s.completion(), s.verifiedCompletion(), s.state(), s.disputed(),
                s.evidenceMissing(), s.lastProgressAt(), s.lastUpdateAt(), s.daysWithoutProgress(),
                s.projectedCompletion(), s.asOf())));
    }

    private static void rollups(Context ctx, String group, Answer<List<RollupView>> answer) {
        freshness(ctx, answer);
        if (!wantsCsv(ctx)) {
            ApiErrors.json(ctx, 200, answer.value());
            return;
        }
        csv(ctx, Csv.write(List.of("planId", group, "commitments", "completed", "stalled", "atRisk", "overdue",
                "meanCompletion", "meanVerifiedCompletion", "asOf"), answer.value(), r -> Arrays.asList(r.planId(),
                r.group(), r.commitments(), r.completed(), r.stalled(), r.atRisk(), r.overdue(), r.meanCompletion(),
                r.meanVerifiedCompletion(), r.asOf())));
    }

    private static void alerts(Context ctx, Answer<List<Alert>> answer) {
        freshness(ctx, answer);
        if (!wantsCsv(ctx)) {
            ApiErrors.json(ctx, 200, answer.value());
            return;
        }
        csv(ctx, Csv.write(ALERT_COLUMNS, answer.value(), a -> Arrays.asList(a.raisedAt(), a.alertId(), a.type(),
                a.status(), a.severity(), a.planId(), a.agency(), a.sector(), a.commitmentId(), a.title(),
                a.summary())));
    }
}
