package org.vigia.alerts.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.topology.AlertTopology;
import org.vigia.events.Json;

/**
 * Reads the delivery log, which lives with each subscriber's partition on whichever instance
 * Kafka assigned it: one subscriber is read where it lives (here, or by asking that instance);
 * everything is gathered from every instance. Forwarded requests carry the caller's token and
 * are answered from the receiving instance's own stores only. A listing comes newest first
 * ({@link #query}) or, page by page, in the log's key order ({@link #page}).
 */
public final class DeliveryLogQuery {
    private static final TypeReference<List<NotificationView>> VIEWS = new TypeReference<>() { };

    /** The delivery log cannot be read now (a rebalance, an instance that does not answer): retry. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** @param self this instance's advertised endpoint, known once the HTTP server is bound */
    public DeliveryLogQuery(Supplier<KafkaStreams> streams, Supplier<HostInfo> self) {
        this.streams = streams;
        this.self = self;
    }

    /** @param subscriber null for every subscriber */
    public List<NotificationView> query(String subscriber, String alertId, int limit, String authorization, boolean localOnly) {
        List<NotificationView> views = new ArrayList<>();
        if (localOnly) {
            views.addAll(local(subscriber));
        } else if (subscriber != null) {
            HostInfo owner = owner(subscriber);
            views.addAll(owner.equals(self.get()) ? local(subscriber) : remote(owner, subscriber, authorization));
        } else {
            for (StreamsMetadata instance : streams.get().metadataForAllStreamsClients()) {
                if (!instance.stateStoreNames().contains(AlertTopology.NOTIFICATIONS)) {
                    continue;
                }
                views.addAll(instance.hostInfo().equals(self.get()) ? local(null) : remote(instance.hostInfo(), null, authorization));
            }
        }
        return views.stream().filter(v -> alertId == null || alertId.equals(v.alertId()))
                .sorted(NotificationView.NEWEST_FIRST).limit(limit).toList();
    }

    /**
     * One page in key order: the first {@code limit} entries after {@code afterKey} (from the
     * start if null), read as a range from the cursor in each partition that holds them — the
     * subscriber's own, or every partition of every instance — and merged.
     *
     * @param subscriber null for every subscriber
     */
    public List<NotificationView> page(String subscriber, String alertId, String afterKey, int limit, String authorization,
                                       boolean localOnly) {
        LogPages.Range range = new LogPages.Range(subscriber, alertId, afterKey);
        if (localOnly) {
            return localPage(range, limit);
        }
        String forward = "scope=local&order=key&limit=" + limit + param("subscriber", subscriber) + param("alertId", alertId)
                + param("after", afterKey == null ? null : PageToken.after(afterKey));
        List<List<NotificationView>> pages = new ArrayList<>();
        if (subscriber != null) {
            HostInfo owner = owner(subscriber);
            pages.add(owner.equals(self.get()) ? localPage(range, limit) : forward(owner, forward, authorization));
        } else {
            for (StreamsMetadata instance : streams.get().metadataForAllStreamsClients()) {
                if (instance.stateStoreNames().contains(AlertTopology.NOTIFICATIONS)) {
                    pages.add(instance.hostInfo().equals(self.get()) ? localPage(range, limit)
                            : forward(instance.hostInfo(), forward, authorization));
                }
            }
        }
        return LogPages.merge(pages, limit);
    }

    private HostInfo owner(String subscriber) {
        return metadata(streams.get(), subscriber).activeHost();
    }

    private static int partition(KafkaStreams kafka, String subscriber) {
        return metadata(kafka, subscriber).partition();
    }

    private static KeyQueryMetadata metadata(KafkaStreams kafka, String subscriber) {
        KeyQueryMetadata owner = kafka.queryMetadataForKey(AlertTopology.NOTIFICATIONS, subscriber, Serdes.String().serializer());
        if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE) {
            throw new Unavailable("the delivery log of " + subscriber + " is not available (rebalancing); retry", null);
        }
        return owner;
    }

    /** This instance's page: each partition of the log it holds actively, read from the cursor, merged. */
    private List<NotificationView> localPage(LogPages.Range range, int limit) {
        KafkaStreams kafka = streams.get();
        if (kafka.state() != KafkaStreams.State.RUNNING) {
            throw new Unavailable("the delivery log is not available on this instance now (" + kafka.state() + "); retry", null);
        }
        Set<Integer> partitions = activePartitions(kafka);
        if (range.subscriber() != null) {
            int own = partition(kafka, range.subscriber());
            if (!partitions.contains(own)) {
                throw new Unavailable("the delivery log of " + range.subscriber() + " is not on this instance now; retry", null);
            }
            partitions = Set.of(own);
        }
        List<List<NotificationView>> pages = new ArrayList<>();
        try {
            for (int partition : partitions) {
                ReadOnlyKeyValueStore<String, Notification> store = kafka.store(StoreQueryParameters.fromNameAndType(
                        AlertTopology.NOTIFICATIONS, QueryableStoreTypes.<String, Notification>keyValueStore())
                        .withPartition(partition));
                pages.add(LogPages.read(store, range, limit));
            }
        } catch (InvalidStateStoreException e) {
            throw new Unavailable("the delivery log is not available on this instance now (" + e.getMessage() + "); retry", e);
        }
        return LogPages.merge(pages, limit);
    }

    /** The partitions of the delivery log this instance holds actively: its tasks that read the by-subscriber topic. */
    private static Set<Integer> activePartitions(KafkaStreams kafka) {
        String bySubscriber = "-" + AlertTopology.BY_SUBSCRIBER + "-repartition";
        Set<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : kafka.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                if (task.topicPartitions().stream().anyMatch(tp -> tp.topic().endsWith(bySubscriber))) {
                    partitions.add(task.taskId().partition());
                }
            }
        }
        return partitions;
    }

    private List<NotificationView> local(String subscriber) {
        List<NotificationView> views = new ArrayList<>();
        try {
            ReadOnlyKeyValueStore<String, Notification> store = streams.get().store(StoreQueryParameters.fromNameAndType(
                    AlertTopology.NOTIFICATIONS, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, Notification> it = subscriber == null ? store.all()
                    : store.prefixScan(Notification.keyPrefix(subscriber), Serdes.String().serializer())) {
                it.forEachRemaining(kv -> views.add(NotificationView.of(kv.value)));
            }
        } catch (InvalidStateStoreException e) {
            throw new Unavailable("the delivery log is not available on this instance now (" + e.getMessage() + "); retry", e);
        }
        return views;
    }

    private List<NotificationView> remote(HostInfo host, String subscriber, String authorization) {
        return forward(host, "scope=local&limit=1000000" + param("subscriber", subscriber), authorization);
    }

    private static String param(String name, String value) {
        return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Asks another instance for what it holds itself ({@code scope=local}), with the caller's token. */
    private List<NotificationView> forward(HostInfo host, String query, String authorization) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + "/api/v1/notifications?" + query);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<byte[]> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Unavailable("instance " + host + " answered " + response.statusCode(), null);
            }
            return Json.wire().readValue(response.body(), VIEWS);
        } catch (IOException e) {
            throw new Unavailable("instance " + host + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking " + host, e);
        }
    }
}
