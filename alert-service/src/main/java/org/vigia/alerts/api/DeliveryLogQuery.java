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
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
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
 * are answered from the receiving instance's own stores only.
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
            KeyQueryMetadata owner = streams.get().queryMetadataForKey(AlertTopology.NOTIFICATIONS, subscriber,
                    Serdes.String().serializer());
            if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE) {
                throw new Unavailable("the delivery log of " + subscriber + " is not available (rebalancing); retry", null);
            }
            views.addAll(owner.activeHost().equals(self.get()) ? local(subscriber) : remote(owner.activeHost(), subscriber, authorization));
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
        String query = "scope=local&limit=1000000" + (subscriber == null ? "" : "&subscriber=" + URLEncoder.encode(subscriber, StandardCharsets.UTF_8));
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
