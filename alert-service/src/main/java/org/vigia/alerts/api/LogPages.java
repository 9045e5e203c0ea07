package org.vigia.alerts.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.vigia.alerts.notification.Notification;

/**
 * Pages of the delivery log in its key order ({@code subscriber|alert|kind…}, compared as the
 * store compares them: the key's UTF-8 bytes, unsigned). One partition's page is a range read
 * from just after the cursor, stopped at the end of the subscriber's (or the alert's) keys or
 * at the page's size; pages of several partitions, or of several instances, merge into the
 * first {@code limit} keys after the cursor of all of them.
 */
final class LogPages {
    /** The store's own order of keys. */
    static final Comparator<String> STORE_ORDER = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
            b.getBytes(StandardCharsets.UTF_8));
    static final Comparator<NotificationView> KEY_ORDER = Comparator.comparing(NotificationView::key, STORE_ORDER);

    private LogPages() {
    }

    /**
     * What a page may hold: the keys after {@code afterKey} (all, if null), of one subscriber
     * and one alert if given.
     */
    record Range(String subscriber, String alertId, String afterKey) {
        /** Every key in the range starts with this (null: no common start). */
        String scope() {
            if (subscriber == null) {
                return null;
            }
            return Notification.keyPrefix(subscriber) + (alertId == null ? "" : alertId + "|");
        }

        /** Where the range read starts: the later of the scope's start and the cursor. */
        String from() {
            String scope = scope();
            if (afterKey == null || scope == null) {
                return afterKey != null ? afterKey : scope;
            }
            return STORE_ORDER.compare(afterKey, scope) > 0 ? afterKey : scope;
        }
    }

    /** Up to {@code limit} entries of one partition's store in the range, in key order. */
    static List<NotificationView> read(ReadOnlyKeyValueStore<String, Notification> store, Range range, int limit) {
        List<NotificationView> page = new ArrayList<>();
        String scope = range.scope();
        try (KeyValueIterator<String, Notification> it = store.range(range.from(), null)) {
            while (page.size() < limit && it.hasNext()) {
                var kv = it.next();
                if (scope != null && !kv.key.startsWith(scope)) {
                    break;
                }
                if (kv.key.equals(range.afterKey()) || kv.value == null
                        || (range.alertId() != null && !range.alertId().equals(kv.value.alertId()))) {
                    continue;
                }
                page.add(NotificationView.of(kv.value));
            }
        }
        return page;
    }

    /** The first {@code limit} entries of several pages (each in key order, each of distinct keys), in key order. */
    static List<NotificationView> merge(Collection<List<NotificationView>> pages, int limit) {
        List<NotificationView> all = new ArrayList<>();
        pages.forEach(all::addAll);
        all.sort(KEY_ORDER);
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }
}
