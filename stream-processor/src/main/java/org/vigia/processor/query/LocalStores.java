package org.vigia.processor.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.Json;
import org.vigia.processor.topology.AlertTimeline;
import org.vigia.processor.topology.CommitmentLedger;
import org.vigia.processor.topology.Rollup;
import org.vigia.processor.topology.StoreNames;

/** Answers from this instance's own state stores only (the active tasks it holds). */
public final class LocalStores {
    private final KafkaStreams streams;

    public LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    /** The status, registry entry, firing alerts and recent history of one commitment. */
    public Optional<Map<String, Object>> commitment(String id) {
        CommitmentLedger ledger = this.<CommitmentLedger>store(StoreNames.LEDGER).get(id);
        if (ledger == null || ledger.commitment == null || ledger.lastStatus == null) {
            return Optional.empty();
        }
        Map<String, Object> view = new LinkedHashMap<>(Json.wire().convertValue(ledger.lastStatus,
                Json.wire().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class)));
        view.put("commitment", ledger.commitment);
        Map<String, Object> firing = new LinkedHashMap<>();
        ledger.episodes.forEach((type, episode) -> firing.put(type.name(), episode));
        view.put("firingAlerts", firing);
        view.putAll(history(ledger));
        return Optional.of(view);
    }

    public Optional<Map<String, Object>> history(String id) {
        CommitmentLedger ledger = this.<CommitmentLedger>store(StoreNames.LEDGER).get(id);
        if (ledger == null || ledger.commitment == null) {
            return Optional.empty();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("commitmentId", id);
        view.putAll(history(ledger));
        return Optional.of(view);
    }

    private static Map<String, Object> history(CommitmentLedger ledger) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("recentUpdates", reversed(ledger.history));
        h.put("recentAlerts", reversed(ledger.alerts));
        return h;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    public List<CommitmentStatus> commitments(Filters filters) {
        List<CommitmentStatus> out = new ArrayList<>();
        try (KeyValueIterator<String, CommitmentStatus> all = this.<CommitmentStatus>store(StoreNames.STATUS).all()) {
            all.forEachRemaining(kv -> {
                if (kv.value != null && filters.matches(kv.value)) {
                    out.add(kv.value);
                }
            });
        }
        return out;
    }

    public List<RollupView> sectors(String plan) {
        return rollups(StoreNames.SECTOR_ROLLUP, plan).stream().map(RollupView::sector).toList();
    }

    public List<RollupView> agencies(String plan) {
        return rollups(StoreNames.AGENCY_ROLLUP, plan).stream().map(RollupView::agency).toList();
    }

    public List<Rollup> rollups(String storeName, String plan) {
        List<Rollup> out = new ArrayList<>();
        try (KeyValueIterator<String, Rollup> all = this.<Rollup>store(storeName).all()) {
            all.forEachRemaining(kv -> {
                if (kv.value != null && kv.value.commitments > 0 && (plan == null || plan.equals(kv.value.planId))) {
                    out.add(kv.value);
                }
            });
        }
        return out;
    }

    /** The newest alerts of one plan, or of every plan this instance holds. */
    public List<Alert> alerts(String plan, int limit) {
        List<Alert> out = new ArrayList<>();
        ReadOnlyKeyValueStore<String, AlertTimeline> store = store(StoreNames.ALERT_TIMELINE);
        if (plan != null) {
            AlertTimeline t = store.get(plan);
            if (t != null) {
                out.addAll(t.alerts);
            }
        } else {
            try (KeyValueIterator<String, AlertTimeline> all = store.all()) {
                all.forEachRemaining(kv -> out.addAll(kv.value.alerts));
            }
        }
        return newestFirst(out, limit);
    }

    static List<Alert> newestFirst(List<Alert> alerts, int limit) {
        return alerts.stream()
                .sorted(Comparator.comparing(Alert::raisedAt).reversed().thenComparing(Alert::alertId)
                        .thenComparing(a -> a.status().name()))
                .distinct()
                .limit(limit)
                .toList();
    }
}
