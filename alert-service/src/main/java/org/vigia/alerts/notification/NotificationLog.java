package org.vigia.alerts.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The delivery log of the subscribers one task owns: the latest record per key, kept in a
 * changelogged Kafka Streams store and mirrored here for the stages, which ask it what was
 * already sent. Every {@link #put} goes to the store first. Used by one stream thread only.
 */
public final class NotificationLog {
    private final Map<String, Notification> byKey = new HashMap<>();
    private final Map<String, List<String>> keysByEpisode = new HashMap<>();
    private final Consumer<Notification> store;

    /** @param store where each record is written (the state store); the in-memory view follows it */
    public NotificationLog(Consumer<Notification> store) {
        this.store = store;
    }

    /** A log with no store behind it, for tests of the stages. */
    public static NotificationLog inMemory() {
        return new NotificationLog(n -> { });
    }

    /** Loads a record read back from the store (at start-up or after a restore), without writing it again. */
    public void load(Notification n) {
        Notification previous = byKey.put(n.key(), n);
        if (previous == null) {
            keysByEpisode.computeIfAbsent(episode(n.subscriber(), n.alertId()), e -> new ArrayList<>()).add(n.key());
        }
    }

    public void put(Notification n) {
        store.accept(n);
        load(n);
    }

    public Optional<Notification> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<Notification> pending() {
        return byKey.values().stream().filter(n -> n.state() == NotificationState.PENDING).toList();
    }

    /** Every record about one subscriber and one alert. */
    public List<Notification> about(String subscriber, String alertId) {
        return keysByEpisode.getOrDefault(episode(subscriber, alertId), List.of()).stream().map(byKey::get).toList();
    }

    /** Every record, grouped by subscriber and alert. */
    public List<List<Notification>> episodes() {
        return keysByEpisode.values().stream().map(keys -> keys.stream().map(byKey::get).toList()).toList();
    }

    public List<Notification> all() {
        return new ArrayList<>(byKey.values());
    }

    public int size() {
        return byKey.size();
    }

    private static String episode(String subscriber, String alertId) {
        return subscriber + "|" + alertId;
    }
}
