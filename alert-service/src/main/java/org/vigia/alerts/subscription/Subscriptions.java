package org.vigia.alerts.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable, validated set of subscriptions, as loaded from one version of the file. */
public final class Subscriptions {
    public static final Subscriptions NONE = new Subscriptions(List.of());

    private final Map<String, Subscription> byId = new LinkedHashMap<>();

    public Subscriptions(List<Subscription> subscriptions) {
        subscriptions.forEach(s -> byId.put(s.id(), s));
    }

    public List<Subscription> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Subscription> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }
}
