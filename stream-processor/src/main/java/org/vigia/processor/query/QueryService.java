package org.vigia.processor.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;
import org.vigia.processor.topology.StoreNames;
import org.vigia.processor.topology.rollup.Rollup;

/**
 * Answers the query API for any key from any instance (interactive queries), and keeps
 * answering while an instance is gone.
 *
 * <p>One key: {@link KafkaStreams#queryMetadataForKey} names the partition, the instance whose
 * active task holds it and its standby replicas (KIP-535). The active one is asked first; if it
 * does not answer, a standby answers and the reply is marked stale with how many records its
 * copy is behind. Lists: scatter-gather, one request per instance for the partitions it holds,
 * each partition from its active holder or else a standby; a partition nobody can answer is
 * named in the reply instead of failing the whole list. During a rebalance a request is retried
 * for a few seconds before it settles for what it has.
 */
public final class QueryService {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<DailyPoint>> SERIES = new TypeReference<>() { };
    private static final TypeReference<List<CommitmentStatus>> STATUSES = new TypeReference<>() { };
    private static final TypeReference<List<RollupView>> ROLLUPS = new TypeReference<>() { };
    private static final TypeReference<List<Alert>> ALERTS = new TypeReference<>() { };
    private static final TypeReference<List<PlanSummary>> PLANS = new TypeReference<>() { };
    private static final TypeReference<List<GroupSeries>> GROUP_SERIES = new TypeReference<>() { };
    private static final long RETRY_FOR_MS = 10_000;
    private static final long COMPLETE_LIST_WITHIN_MS = 3_000;

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalStores local;
    private final StoreLayout layout;
    private final RemoteInstances remote = new RemoteInstances();

    public QueryService(KafkaStreams streams, HostInfo self, LocalStores local, StoreLayout layout) {
        this.streams = streams;
        this.self = self;
        this.local = local;
        this.layout = layout;
    }

    public LocalStores local() {
        return local;
    }

    public Answer<Optional<Map<String, Object>>> commitment(String id) {
        return byKey(StoreNames.LEDGER, id, (p, stale) -> local.commitment(id, p, stale),
                "/internal/v1/commitments/" + id, MAP);
    }

    public Answer<Optional<Map<String, Object>>> history(String id) {
        return byKey(StoreNames.REPORTS, id, (p, stale) -> local.history(id, p, stale),
                "/internal/v1/commitments/" + id + "/history", MAP);
    }

    public Answer<Optional<List<DailyPoint>>> series(String id, LocalDate to) {
        return byKey(StoreNames.SERIES, id, (p, stale) -> local.series(id, p, stale, to),
                "/internal/v1/commitments/" + id + "/series" + (to == null ? "" : "?to=" + to), SERIES);
    }

    public Answer<List<CommitmentStatus>> commitments(Filters filters, LocalDate asOf) {
        Answer<List<CommitmentStatus>> all = gather(StoreNames.LEDGER,
                (ps, stale) -> local.commitments(filters, asOf, ps, stale),
                "/internal/v1/commitments" + query(filters.toQuery(), "asOf", asOf), STATUSES);
        all.value().sort(Comparator.comparing(CommitmentStatus::planId).thenComparing(CommitmentStatus::commitmentId));
        return all;
    }

    public Answer<List<RollupView>> rollups(Rollup.Kind kind, String plan, LocalDate asOf) {
        String path = kind == Rollup.Kind.SECTOR ? "/internal/v1/sectors" : "/internal/v1/agencies";
        Answer<List<RollupView>> all = gather(StoreNames.ROLLUPS, (ps, stale) -> local.rollups(kind, plan, asOf, ps, stale),
                path + query(query("", "plan", plan), "asOf", asOf), ROLLUPS);
        all.value().sort(Comparator.comparing(RollupView::planId).thenComparing(RollupView::group));
        return all;
    }

    public Answer<List<Alert>> alerts(AlertQuery query) {
        String q = query.toQuery();
        Answer<List<Alert>> judged = gather(StoreNames.ALERT_LOG,
                (ps, stale) -> local.alerts(query, ps, List.of(), stale), "/internal/v1/alerts/judge" + q, ALERTS);
        Answer<List<Alert>> heat = gather(StoreNames.AGENCY_ALERT_LOG,
                (ps, stale) -> local.alerts(query, List.of(), ps, stale), "/internal/v1/alerts/heat" + q, ALERTS);
        List<Alert> both = new ArrayList<>(judged.value());
        both.addAll(heat.value());
        Set<Integer> missing = new TreeSet<>(judged.missingPartitions());
        missing.addAll(heat.missingPartitions());
        return new Answer<>(LocalStores.newestFirst(both, query.limit()), judged.stale() || heat.stale(),
                Math.max(judged.lagRecords(), heat.lagRecords()), missing);
    }

    public Answer<Optional<List<Alert>>> commitmentAlerts(String id) {
        return byKey(StoreNames.COMMITMENT_ALERTS, id, (p, stale) -> local.commitmentAlerts(id, p, stale),
                "/internal/v1/commitments/" + id + "/alerts", ALERTS);
    }

    public Answer<List<PlanSummary>> plans(String plan) {
        return gather(StoreNames.REGISTRY, (ps, stale) -> local.plans(plan, ps, stale),
                "/internal/v1/plans" + query("", "plan", plan), PLANS).map(PlanSummary::merge);
    }

    /** Each group's daily points; without {@code to}, every group's run to the last day any of them changed. */
    public Answer<List<GroupSeries>> groupSeries(Rollup.Kind kind, String plan, String group, Filters.Days days) {
        String path = (kind == Rollup.Kind.SECTOR ? "/internal/v1/sectors/series" : "/internal/v1/agencies/series")
                + query(query(query(query("", "plan", plan), kind == Rollup.Kind.SECTOR ? "sector" : "agency", group),
                "from", days.from()), "to", days.to());
        Answer<List<GroupSeries>> all = gather(StoreNames.ROLLUP_DAILY,
                (ps, stale) -> local.groupSeries(kind, plan, group, days, ps, stale), path, GROUP_SERIES);
        all.value().sort(Comparator.comparing(GroupSeries::planId).thenComparing(GroupSeries::group));
        LocalDate last = all.value().stream().map(GroupSeries::lastDate).max(Comparator.naturalOrder()).orElse(null);
        return all.map(list -> days.to() == null ? GroupSeries.extendTo(list, last) : list);
    }

    private <T> Answer<Optional<T>> byKey(String store, String key, BiFunction<Integer, Boolean, Optional<T>> here,
                                          String path, TypeReference<T> type) {
        return retrying(() -> {
            KeyQueryMetadata md = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
            if (md == null || md.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                throw new QueryUnavailableException("no instance holds " + store + " for this key right now");
            }
            int p = md.partition();
            List<HostInfo> candidates = new ArrayList<>();
            if (md.activeHost() != null && md.activeHost().port() >= 0) {
                candidates.add(md.activeHost());
            }
            md.standbyHosts().stream().sorted(Comparator.comparing(HostInfo::host).thenComparing(HostInfo::port))
                    .forEach(candidates::add);
            QueryUnavailableException last = null;
            for (HostInfo host : candidates) {
                boolean stale = !host.equals(md.activeHost());
                try {
                    if (host.equals(self)) {
                        return new Answer<>(here.apply(p, stale), stale, stale ? local.lag(store, p) : 0, Set.of());
                    }
                    String sep = path.contains("?") ? "&" : "?";
                    RemoteInstances.Reply<T> reply = remote.get(host, path + sep + "partition=" + p
                            + (stale ? "&stale=true" : ""), type);
                    return new Answer<>(reply.value(), stale, reply.lagRecords(), Set.of());
                } catch (QueryUnavailableException e) {
                    last = e;
                } catch (InvalidStateStoreException e) {
                    last = new QueryUnavailableException("the store of partition " + p + " is not queryable here: "
                            + e.getMessage(), e);
                }
            }
            throw last != null ? last : new QueryUnavailableException("no instance answers for partition " + p);
        });
    }

    private <T> Answer<List<T>> gather(String store, BiFunction<Collection<Integer>, Boolean, List<T>> here, String path,
                                       TypeReference<List<T>> type) {
        long settleBy = System.currentTimeMillis() + COMPLETE_LIST_WITHIN_MS;
        while (true) {
            Answer<List<T>> answer = gatherOnce(store, here, path, type);
            if (answer.missingPartitions().isEmpty() || System.currentTimeMillis() > settleBy) {
                if (answer.missingPartitions().size() == layout.partitions()) {
                    throw new QueryUnavailableException("no instance can answer for " + store + " right now");
                }
                return answer;
            }
            pause();
        }
    }

    private <T> Answer<List<T>> gatherOnce(String store, BiFunction<Collection<Integer>, Boolean, List<T>> here,
                                           String path, TypeReference<List<T>> type) {
        Map<Integer, List<HostInfo>> active = new LinkedHashMap<>();
        Map<Integer, List<HostInfo>> standby = new LinkedHashMap<>();
        for (StreamsMetadata md : streams.metadataForAllStreamsClients()) {
            layout.active(store, md).forEach(p -> active.computeIfAbsent(p, x -> new ArrayList<>()).add(md.hostInfo()));
            layout.standby(store, md).forEach(p -> standby.computeIfAbsent(p, x -> new ArrayList<>()).add(md.hostInfo()));
        }
        Set<Integer> remaining = new TreeSet<>();
        for (int p = 0; p < layout.partitions(); p++) {
            remaining.add(p);
        }
        List<T> rows = new ArrayList<>();
        boolean stale = false;
        long lag = 0;
        Set<HostInfo> failed = new java.util.HashSet<>();
        for (boolean fromStandby : new boolean[] {false, true}) {
            Map<HostInfo, Set<Integer>> plan = new LinkedHashMap<>();
            for (int p : remaining) {
                (fromStandby ? standby : active).getOrDefault(p, List.of()).stream().filter(h -> !failed.contains(h))
                        .findFirst().ifPresent(h -> plan.computeIfAbsent(h, x -> new TreeSet<>()).add(p));
            }
            for (Map.Entry<HostInfo, Set<Integer>> e : plan.entrySet()) {
                try {
                    long got = fetch(e.getKey(), e.getValue(), fromStandby, store, here, path, type, rows);
                    remaining.removeAll(e.getValue());
                    stale |= fromStandby;
                    lag = Math.max(lag, got);
                } catch (QueryUnavailableException | InvalidStateStoreException ex) {
                    failed.add(e.getKey());
                }
            }
        }
        return new Answer<>(rows, stale, lag, remaining);
    }

    private <T> long fetch(HostInfo host, Set<Integer> partitions, boolean stale, String store,
                           BiFunction<Collection<Integer>, Boolean, List<T>> here, String path,
                           TypeReference<List<T>> type, List<T> into) {
        if (host.equals(self)) {
            into.addAll(here.apply(partitions, stale));
            return stale ? partitions.stream().mapToLong(p -> local.lag(store, p)).max().orElse(0) : 0;
        }
        String sep = path.contains("?") ? "&" : "?";
        String list = partitions.stream().map(String::valueOf).collect(Collectors.joining(","));
        RemoteInstances.Reply<List<T>> reply = remote.get(host, path + sep + "partitions=" + list
                + (stale ? "&stale=true" : ""), type);
        into.addAll(reply.value().orElse(List.of()));
        return reply.lagRecords();
    }

    private static String query(String q, String name, Object value) {
        if (value == null) {
            return q;
        }
        return q + (q.isEmpty() ? "?" : "&") + name + "=" + value;
    }

    private static <T> T retrying(Supplier<T> attempt) {
        long deadline = System.currentTimeMillis() + RETRY_FOR_MS;
        while (true) {
            try {
                return attempt.get();
            } catch (QueryUnavailableException | InvalidStateStoreException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e instanceof QueryUnavailableException q ? q
                            : new QueryUnavailableException("state is moving between instances: " + e.getMessage(), e);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200); // back off while partitions move; this is request handling, not logic
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("interrupted", ie);
        }
    }
}
