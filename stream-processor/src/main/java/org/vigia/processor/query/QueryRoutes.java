package org.vigia.processor.query;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    private QueryRoutes() {
    }

    public static void register(RoutesConfig routes, Supplier<QueryService> queries) {
        routes.exception(QueryUnavailableException.class,
                (e, ctx) -> ApiErrors.respond(ctx.header("Retry-After", "2"), 503, e.getMessage()));
        publicRoutes(routes, queries);
        internalRoutes(routes, queries);
    }

    private static void publicRoutes(RoutesConfig routes, Supplier<QueryService> queries) {
        routes.get("/api/v1/plans", ctx -> list(ctx, queries.get().plans(Filters.plan(ctx)), CsvViews::plans));
        routes.get("/api/v1/commitments", ctx -> list(ctx, queries.get().commitments(Filters.from(ctx),
                Filters.asOf(ctx)), CsvViews::statuses));
        routes.get("/api/v1/commitments/{id}", ctx -> one(ctx, id -> queries.get().commitment(id), null));
        routes.get("/api/v1/commitments/{id}/history", ctx -> one(ctx, id -> queries.get().history(id), null));
        routes.get("/api/v1/commitments/{id}/series", ctx -> one(ctx, id -> queries.get().series(id,
                Filters.date(ctx, "to")), CsvViews::series));
        routes.get("/api/v1/commitments/{id}/alerts", ctx -> one(ctx, id -> queries.get().commitmentAlerts(id),
                CsvViews::alerts));
        for (Rollup.Kind kind : Rollup.Kind.values()) {
            String path = kind == Rollup.Kind.SECTOR ? "/api/v1/sectors" : "/api/v1/agencies";
            String group = kind == Rollup.Kind.SECTOR ? "sector" : "agency";
            routes.get(path, ctx -> list(ctx, queries.get().rollups(kind, Filters.plan(ctx), Filters.asOf(ctx)),
                    rows -> CsvViews.rollups(group, rows)));
            routes.get(path + "/series", ctx -> list(ctx, queries.get().groupSeries(kind, Filters.plan(ctx),
                    Filters.group(ctx, kind), Filters.days(ctx)), rows -> CsvViews.groupSeries(group, rows)));
        }
        routes.get("/api/v1/alerts", ctx -> list(ctx, queries.get().alerts(Filters.alerts(ctx, DEFAULT_ALERTS,
                MAX_ALERTS)), CsvViews::alerts));
    }

    private static void internalRoutes(RoutesConfig routes, Supplier<QueryService> queries) {
        routes.get("/internal/v1/plans", ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                l.plans(Filters.plan(ctx), ps, stale), StoreNames.REGISTRY));
        routes.get("/internal/v1/commitments", ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                l.commitments(Filters.from(ctx), Filters.asOf(ctx), ps, stale), StoreNames.LEDGER));
        routes.get("/internal/v1/commitments/{id}", ctx -> localOne(ctx, (id, p, stale) ->
                queries.get().local().commitment(id, p, stale)));
        routes.get("/internal/v1/commitments/{id}/history", ctx -> localOne(ctx, (id, p, stale) ->
                queries.get().local().history(id, p, stale)));
        routes.get("/internal/v1/commitments/{id}/series", ctx -> localOne(ctx, (id, p, stale) ->
                queries.get().local().series(id, p, stale, Filters.date(ctx, "to"))));
        routes.get("/internal/v1/commitments/{id}/alerts", ctx -> localOne(ctx, (id, p, stale) ->
                queries.get().local().commitmentAlerts(id, p, stale)));
        for (Rollup.Kind kind : Rollup.Kind.values()) {
            String path = kind == Rollup.Kind.SECTOR ? "/internal/v1/sectors" : "/internal/v1/agencies";
            routes.get(path, ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                    l.rollups(kind, Filters.plan(ctx), Filters.asOf(ctx), ps, stale), StoreNames.ROLLUPS));
            routes.get(path + "/series", ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                    l.groupSeries(kind, Filters.plan(ctx), Filters.group(ctx, kind), Filters.days(ctx), ps, stale),
                    StoreNames.ROLLUP_DAILY));
        }
        routes.get("/internal/v1/alerts/judge", ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                l.alerts(Filters.alerts(ctx, DEFAULT_ALERTS, MAX_ALERTS), ps, List.of(), stale), StoreNames.ALERT_LOG));
        routes.get("/internal/v1/alerts/heat", ctx -> local(ctx, queries.get().local(), (l, ps, stale) ->
                l.alerts(Filters.alerts(ctx, DEFAULT_ALERTS, MAX_ALERTS), List.of(), ps, stale),
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

    /** One commitment's answer, as JSON or (where {@code csv} is given and asked for) CSV; 404 if unknown. */
    private static <T> void one(Context ctx, Function<String, Answer<Optional<T>>> lookup, Function<T, String> csv) {
        String id = ctx.pathParam("id");
        Answer<Optional<T>> found = ID.matcher(id).matches() ? lookup.apply(id) : Answer.fresh(Optional.empty());
        freshness(ctx, found);
        if (found.value().isEmpty()) {
            ApiErrors.respond(ctx, 404, "no commitment '" + id + "' in the registry");
        } else if (csv == null || !wantsCsv(ctx)) {
            ApiErrors.json(ctx, 200, found.value().get());
        } else {
            csv(ctx, csv.apply(found.value().get()));
        }
    }

    private static <T> void list(Context ctx, Answer<List<T>> answer, Function<List<T>, String> csv) {
        freshness(ctx, answer);
        if (wantsCsv(ctx)) {
            csv(ctx, csv.apply(answer.value()));
        } else {
            ApiErrors.json(ctx, 200, answer.value());
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
}
