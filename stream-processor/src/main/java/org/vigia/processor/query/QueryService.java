package org.vigia.processor.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;
import org.vigia.processor.topology.StoreNames;

/**
 * Answers the query API for any key from any instance (interactive queries).
 *
 * <p>One key: {@link KafkaStreams#queryMetadataForKey} names the instance whose active task
 * holds it; this instance answers from its store or forwards to that instance's internal
 * endpoint. Lists: scatter-gather — every instance that hosts the store
 * ({@link KafkaStreams#streamsMetadataForStore}) is asked for its share and the shares are
 * merged. We chose this over a replicated view (a GlobalKTable of commitment-status on
 * every instance) because it keeps one copy of the state, lists are as fresh as single-key
 * answers, and the number of instances is small. While a rebalance moves partitions the
 * answer is retried for a few seconds, then refused with 503 rather than given partially.
 */
public final class QueryService {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<CommitmentStatus>> STATUSES = new TypeReference<>() { };
    private static final TypeReference<List<RollupView>> ROLLUPS = new TypeReference<>() { };
    private static final TypeReference<List<Alert>> ALERTS = new TypeReference<>() { };
    private static final long RETRY_FOR_MS = 10_000;

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalStores local;
    private final RemoteInstances remote = new RemoteInstances();

    public QueryService(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
        this.local = new LocalStores(streams);
    }

    public LocalStores local() {
        return local;
    }

    public Optional<Map<String, Object>> commitment(String id) {
        return byKey(StoreNames.LEDGER, id, () -> local.commitment(id), "/internal/v1/commitments/" + id, MAP);
    }

    public Optional<Map<String, Object>> history(String id) {
        return byKey(StoreNames.LEDGER, id, () -> local.history(id), "/internal/v1/commitments/" + id + "/history", MAP);
    }

    public List<CommitmentStatus> commitments(Filters filters) {
        List<CommitmentStatus> all = gather(StoreNames.STATUS, () -> local.commitments(filters),
                "/internal/v1/commitments" + filters.toQuery(), STATUSES);
        all.sort(Comparator.comparing(CommitmentStatus::planId).thenComparing(CommitmentStatus::commitmentId));
        return all;
    }

    public List<RollupView> sectors(String plan) {
        return sortedRollups(gather(StoreNames.SECTOR_ROLLUP, () -> local.sectors(plan),
                "/internal/v1/sectors" + (plan == null ? "" : "?plan=" + plan), ROLLUPS));
    }

    public List<RollupView> agencies(String plan) {
        return sortedRollups(gather(StoreNames.AGENCY_ROLLUP, () -> local.agencies(plan),
                "/internal/v1/agencies" + (plan == null ? "" : "?plan=" + plan), ROLLUPS));
    }

    public List<Alert> alerts(String plan, int limit) {
        String path = "/internal/v1/alerts?limit=" + limit + (plan == null ? "" : "&plan=" + plan);
        if (plan != null) {
            return byKey(StoreNames.ALERT_TIMELINE, plan, () -> Optional.of(local.alerts(plan, limit)), path, ALERTS)
                    .orElse(List.of());
        }
        return LocalStores.newestFirst(gather(StoreNames.ALERT_TIMELINE, () -> local.alerts(null, limit), path, ALERTS),
                limit);
    }

    private static List<RollupView> sortedRollups(List<RollupView> rollups) {
        rollups.sort(Comparator.comparing(RollupView::planId).thenComparing(RollupView::group));
        return rollups;
    }

    private <T> Optional<T> byKey(String store, String key, Supplier<Optional<T>> here, String path,
                                  TypeReference<T> type) {
        return retrying(() -> {
            KeyQueryMetadata md = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
            if (md == null || md.equals(KeyQueryMetadata.NOT_AVAILABLE) || md.activeHost() == null) {
                throw new QueryUnavailableException("no instance holds " + store + " for this key right now");
            }
            return md.activeHost().equals(self) ? here.get() : remote.get(md.activeHost(), path, type);
        });
    }

    private <T> List<T> gather(String store, Supplier<List<T>> here, String path, TypeReference<List<T>> type) {
        return retrying(() -> {
            Collection<StreamsMetadata> hosts = streams.streamsMetadataForStore(store);
            if (hosts.isEmpty()) {
                throw new QueryUnavailableException("no instance hosts " + store + " right now");
            }
            List<T> all = new ArrayList<>();
            for (StreamsMetadata md : hosts) {
                all.addAll(md.hostInfo().equals(self) ? here.get()
                        : remote.get(md.hostInfo(), path, type).orElse(List.of()));
            }
            return all;
        });
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
                try {
                    Thread.sleep(200); // back off while partitions move; this is request handling, not logic
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new QueryUnavailableException("interrupted", ie);
                }
            }
        }
    }

}
