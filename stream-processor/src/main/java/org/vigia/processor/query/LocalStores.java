package org.vigia.processor.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.vigia.events.Alert;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.Json;
import org.vigia.processor.topology.StoreNames;
import org.vigia.processor.topology.judge.CommitmentTimeline;
import org.vigia.processor.topology.judge.HistoryEntry;
import org.vigia.processor.topology.judge.Ledger;
import org.vigia.processor.topology.judge.SeriesPoint;
import org.vigia.processor.topology.judge.StatusFacts;
import org.vigia.processor.topology.rollup.Rollup;
import org.vigia.processor.topology.rollup.RollupHistory;

/**
 * Answers from this instance's own state stores, one partition at a time: the active copy, or
 * (with {@code stale}) a standby replica or a store still restoring. Statuses are projected to
 * the partition's stream time, so {@code daysWithoutProgress} is today's, not the last change's.
 */
public final class LocalStores {
    public static final int RECENT = 25;
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final KafkaStreams streams;
    private final CommitmentTimeline timeline;

    public LocalStores(KafkaStreams streams, CommitmentTimeline timeline) {
        this.streams = streams;
        this.timeline = timeline;
    }

    private <T> T store(String name, QueryableStoreType<T> type, int partition, boolean stale) {
        StoreQueryParameters<T> q = StoreQueryParameters.fromNameAndType(name, type).withPartition(partition);
        return streams.store(stale ? q.enableStaleStores() : q);
    }

    private <V> ReadOnlyKeyValueStore<String, V> kv(String name, int partition, boolean stale) {
        return store(name, QueryableStoreTypes.keyValueStore(), partition, stale);
    }

    private <V> ReadOnlyWindowStore<String, V> window(String name, int partition, boolean stale) {
        return store(name, QueryableStoreTypes.windowStore(), partition, stale);
    }

    /** How many records this instance's copy of {@code store}'s partition is behind its changelog. */
    public long lag(String store, int partition) {
        Map<Integer, LagInfo> lags = streams.allLocalStorePartitionLags().get(store);
        LagInfo lag = lags == null ? null : lags.get(partition);
        return lag == null ? 0 : Math.max(0, lag.offsetLag());
    }

    private long streamTime(int partition, boolean stale) {
        Long now = this.<Long>kv(StoreNames.JUDGE_CLOCK, partition, stale).get("now");
        return now == null ? Long.MIN_VALUE : now;
    }

    /** The status, registry entry, firing alerts and recent history of one commitment. */
    public Optional<Map<String, Object>> commitment(String id, int partition, boolean stale) {
        Commitment c = this.<Commitment>kv(StoreNames.REGISTRY, partition, stale).get(id);
        Ledger l = this.<Ledger>kv(StoreNames.LEDGER, partition, stale).get(id);
        if (c == null || l == null || l.published == null) {
            return Optional.empty();
        }
        StatusFacts now = timeline.project(c, l, streamTime(partition, stale));
        Map<String, Object> view = new LinkedHashMap<>(Json.wire().convertValue(now.toStatus(c),
                Json.wire().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class)));
        view.put("commitment", c);
        Map<String, Object> firing = new LinkedHashMap<>();
        for (int i = 0; i < Ledger.EPISODIC.size(); i++) {
            Ledger.Episode e = l.episodes[i];
            if (e != null) {
                firing.put(Ledger.EPISODIC.get(i).name(), Map.of("alertId", e.alertId(), "severity", e.severity(),
                        "since", Instant.ofEpochMilli(e.since())));
            }
        }
        view.put("firingAlerts", firing);
        view.putAll(recent(id, partition, stale));
        return Optional.of(view);
    }

    public Optional<Map<String, Object>> history(String id, int partition, boolean stale) {
        if (this.<Commitment>kv(StoreNames.REGISTRY, partition, stale).get(id) == null) {
            return Optional.empty();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("commitmentId", id);
        view.putAll(recent(id, partition, stale));
        return Optional.of(view);
    }

    private Map<String, Object> recent(String id, int partition, boolean stale) {
        Map<String, Object> h = new LinkedHashMap<>();
        ReadOnlyKeyValueStore<Bytes, HistoryEntry> reports = store(StoreNames.REPORTS,
                QueryableStoreTypes.<Bytes, HistoryEntry>keyValueStore(), partition, stale);
        h.put("recentUpdates", recentReports(reports, id, RECENT));
        h.put("recentAlerts", newest(this.<Alert>window(StoreNames.COMMITMENT_ALERTS, partition, stale), id));
        return h;
    }

    private static <V> List<V> newest(ReadOnlyWindowStore<String, V> store, String id) {
        List<V> out = new ArrayList<>();
        try (WindowStoreIterator<V> it = store.backwardFetch(id, Instant.EPOCH, FAR_FUTURE)) {
            while (it.hasNext() && out.size() < RECENT) {
                out.add(it.next().value);
            }
        }
        return out;
    }

    /** The newest {@code limit} reports of one commitment, newest first (by reportedAt, then updateId). */
    public static List<HistoryEntry> recentReports(ReadOnlyKeyValueStore<Bytes, HistoryEntry> store, String id,
                                                   int limit) {
        List<HistoryEntry> all = new ArrayList<>();
        try (KeyValueIterator<Bytes, HistoryEntry> it = store.prefixScan((id + '\u0000').getBytes(
                java.nio.charset.StandardCharsets.UTF_8), (topic, prefix) -> prefix)) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        all.sort(Comparator.comparing(HistoryEntry::reportedAt).thenComparing(HistoryEntry::updateId).reversed());
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }

    /** One commitment's daily points from its first to {@code to} (its last change if null), or empty if unknown. */
    public Optional<List<DailyPoint>> series(String id, int partition, boolean stale, LocalDate to) {
        if (this.<Commitment>kv(StoreNames.REGISTRY, partition, stale).get(id) == null) {
            return Optional.empty();
        }
        List<SeriesPoint> changes = new ArrayList<>();
        try (WindowStoreIterator<SeriesPoint> it = this.<SeriesPoint>window(StoreNames.SERIES, partition, stale)
                .fetch(id, Instant.EPOCH, FAR_FUTURE)) {
            it.forEachRemaining(kv -> changes.add(kv.value));
        }
        return Optional.of(DailyPoint.fillForward(changes, to));
    }

    /** The statuses that match the filters, now or at the end of {@code asOf}, from these partitions. */
    public List<CommitmentStatus> commitments(Filters filters, LocalDate asOf, Collection<Integer> partitions,
                                              boolean stale) {
        List<CommitmentStatus> out = new ArrayList<>();
        for (int p : partitions) {
            ReadOnlyKeyValueStore<String, Ledger> ledgers = kv(StoreNames.LEDGER, p, stale);
            ReadOnlyWindowStore<String, SeriesPoint> series = asOf == null ? null : window(StoreNames.SERIES, p, stale);
            long now = streamTime(p, stale);
            try (KeyValueIterator<String, Commitment> it = this.<Commitment>kv(StoreNames.REGISTRY, p, stale).all()) {
                while (it.hasNext()) {
                    KeyValue<String, Commitment> kv = it.next();
                    Commitment c = kv.value;
                    if (c == null || !filters.matchesRegistry(c)) {
                        continue;
                    }
                    StatusFacts facts = asOf == null ? current(c, ledgers.get(kv.key), now) : at(series, c, asOf);
                    if (facts != null && filters.matches(facts.state())) {
                        out.add(facts.toStatus(c));
                    }
                }
            }
        }
        return out;
    }

    private StatusFacts current(Commitment c, Ledger l, long now) {
        return l == null || l.published == null ? null : timeline.project(c, l, now);
    }

    /** The status at the end of {@code day}: the day's last change, carried to that day. */
    private static StatusFacts at(ReadOnlyWindowStore<String, SeriesPoint> series, Commitment c, LocalDate day) {
        long end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        try (WindowStoreIterator<SeriesPoint> it = series.backwardFetch(c.id(), Instant.EPOCH,
                Instant.ofEpochMilli(end))) {
            return it.hasNext() ? DailyPoint.carried(it.next().value.facts(), c, end) : null;
        }
    }

    /** Roll-ups of one kind, now or as of the end of {@code asOf}, from these partitions. */
    public List<RollupView> rollups(Rollup.Kind kind, String plan, LocalDate asOf, Collection<Integer> partitions,
                                    boolean stale) {
        List<RollupView> out = new ArrayList<>();
        for (int p : partitions) {
            ReadOnlyKeyValueStore<Bytes, Rollup> daily = asOf == null ? null
                    : store(StoreNames.ROLLUP_DAILY, QueryableStoreTypes.keyValueStore(), p, stale);
            try (KeyValueIterator<String, Rollup> it = this.<Rollup>kv(StoreNames.ROLLUPS, p, stale).all()) {
                while (it.hasNext()) {
                    KeyValue<String, Rollup> kv = it.next();
                    Rollup r = kv.value;
                    if (r == null || r.kind != kind || (plan != null && !plan.equals(r.planId))) {
                        continue;
                    }
                    Rollup shown = asOf == null ? r : sumUpTo(daily, kv.key, asOf);
                    if (shown.commitments > 0) {
                        out.add(RollupView.of(shown));
                    }
                }
            }
        }
        return out;
    }

    private static Rollup sumUpTo(ReadOnlyKeyValueStore<Bytes, Rollup> daily, String key, LocalDate day) {
        Rollup sum = Rollup.empty();
        try (KeyValueIterator<Bytes, Rollup> it = daily.range(RollupHistory.dayKey(key, 0),
                RollupHistory.dayKey(key, day.toEpochDay()))) {
            it.forEachRemaining(kv -> sum.plus(kv.value));
        }
        return sum;
    }

    /** The newest alerts that match, from these partitions of the judge's and the heat's logs, newest first. */
    public List<Alert> alerts(AlertQuery query, Collection<Integer> judgePartitions, Collection<Integer> heatPartitions,
                              boolean stale) {
        List<Alert> out = new ArrayList<>();
        for (int p : judgePartitions) {
            out.addAll(query.newest(store(StoreNames.ALERT_LOG, QueryableStoreTypes.<Bytes, Alert>keyValueStore(), p,
                    stale)));
        }
        for (int p : heatPartitions) {
            out.addAll(query.newest(store(StoreNames.AGENCY_ALERT_LOG, QueryableStoreTypes.<Bytes, Alert>keyValueStore(),
                    p, stale)));
        }
        return newestFirst(out, query.limit());
    }

    /** Every alert of one commitment still in its history, oldest first, or empty if it is unknown. */
    public Optional<List<Alert>> commitmentAlerts(String id, int partition, boolean stale) {
        if (this.<Commitment>kv(StoreNames.REGISTRY, partition, stale).get(id) == null) {
            return Optional.empty();
        }
        List<Alert> out = new ArrayList<>();
        try (WindowStoreIterator<Alert> it = this.<Alert>window(StoreNames.COMMITMENT_ALERTS, partition, stale)
                .fetch(id, Instant.EPOCH, FAR_FUTURE)) {
            it.forEachRemaining(kv -> out.add(kv.value));
        }
        return Optional.of(out);
    }

    /** The plans of these partitions' registries, one summary per plan and partition (merge them). */
    public List<PlanSummary> plans(String plan, Collection<Integer> partitions, boolean stale) {
        List<PlanSummary> out = new ArrayList<>();
        for (int p : partitions) {
            out.addAll(PlanSummary.of(kv(StoreNames.REGISTRY, p, stale), plan, streamTime(p, stale)));
        }
        return PlanSummary.merge(out);
    }

    /** Daily points of the groups of one kind in these partitions (see {@link GroupSeries#scan}). */
    public List<GroupSeries> groupSeries(Rollup.Kind kind, String plan, String group, Filters.Days days,
                                         Collection<Integer> partitions, boolean stale) {
        List<GroupSeries> out = new ArrayList<>();
        for (int p : partitions) {
            out.addAll(GroupSeries.scan(store(StoreNames.ROLLUP_DAILY, QueryableStoreTypes.<Bytes, Rollup>keyValueStore(),
                    p, stale), kind, plan, group, days.from(), days.to()));
        }
        return out;
    }

    static List<Alert> newestFirst(List<Alert> alerts, int limit) {
        return alerts.stream()
                .sorted(Comparator.comparing(Alert::raisedAt).reversed().thenComparing(Alert::alertId)
                        .thenComparing(a -> a.status().name()).thenComparing(a -> a.severity().name()))
                .distinct()
                .limit(limit)
                .toList();
    }
}
