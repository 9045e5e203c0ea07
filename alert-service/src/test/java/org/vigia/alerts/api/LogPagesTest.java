package org.vigia.alerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

/** Range reads from a cursor, one partition at a time, and the merge of partitions' pages. */
class LogPagesTest {
    static final Instant NOW = Instant.parse("2026-05-11T13:00:00Z");

    /** Three partitions; subscriber "ab" sorts between "a" and "b" and shares no key prefix with "a". */
    private final List<Store> partitions = List.of(new Store(), new Store(), new Store());
    private final List<String> every = new ArrayList<>();

    LogPagesTest() {
        String[] subscribers = {"a", "ab", "b", "cso-Ñ", "cso-\uFF21", "cso-\uD83D\uDE00"};
        for (int s = 0; s < subscribers.length; s++) {
            for (int i = 0; i < 7; i++) {
                Alert firing = alert("alert-" + i, AlertStatus.FIRING, i % 2 == 0 ? Severity.WARNING : Severity.CRITICAL);
                add(s % 3, notification(subscribers[s], firing, NotificationKind.FIRING));
                if (i % 3 == 0) {
                    add(s % 3, notification(subscribers[s], alert("alert-" + i, AlertStatus.RESOLVED, Severity.INFO),
                            NotificationKind.RESOLVED));
                }
            }
        }
        every.sort(LogPages.STORE_ORDER);
    }

    @Test
    void theStoreOrderIsThatOfTheKeysUtf8BytesNotOfJavaStrings() {
        assertThat("cso-\uD83D\uDE00".compareTo("cso-\uFF21")).isNegative();
        assertThat(LogPages.STORE_ORDER.compare("cso-\uD83D\uDE00", "cso-\uFF21")).isPositive();
    }

    @Test
    void walkingEveryPartitionPageByPageListsEveryKeyOnceInKeyOrder() {
        List<String> walked = walk(null, null, 4);
        assertThat(walked).containsExactlyElementsOf(every);
    }

    @Test
    void oneSubscribersWalkStopsAtTheEndOfItsKeysAndNeverStrays() {
        for (String subscriber : List.of("a", "ab", "cso-\uFF21")) {
            List<String> own = every.stream().filter(k -> k.startsWith(subscriber + "|")).toList();
            assertThat(own).hasSize(10);
            assertThat(walk(subscriber, null, 3)).containsExactlyElementsOf(own);
            assertThat(walk(subscriber, null, 1000)).containsExactlyElementsOf(own);
        }
    }

    @Test
    void anAlertNarrowsTheRangeWithASubscriberAndFiltersWithout() {
        assertThat(walk("ab", "alert-3", 1)).containsExactly("ab|alert-3|FIRING|CRITICAL", "ab|alert-3|RESOLVED");
        assertThat(walk(null, "alert-3", 2)).hasSize(12).allSatisfy(k -> assertThat(k).contains("|alert-3|"));
    }

    @Test
    void aCursorBeforeOrAfterTheSubscribersKeysStartsAtItsScope() {
        assertThat(new LogPages.Range("b", null, "a|zzz").from()).isEqualTo("b|");
        assertThat(new LogPages.Range("b", null, "b|alert-4|FIRING|WARNING").from()).isEqualTo("b|alert-4|FIRING|WARNING");
        assertThat(new LogPages.Range("b", "alert-2", null).from()).isEqualTo("b|alert-2|");
        assertThat(new LogPages.Range(null, null, null).from()).isNull();
        assertThat(page("b", null, "c|", 10)).isEmpty();
    }

    /** What a client does: ask page after page, each after the last key of the one before, until one is not full. */
    private List<String> walk(String subscriber, String alertId, int limit) {
        List<String> keys = new ArrayList<>();
        String after = null;
        while (true) {
            List<NotificationView> page = page(subscriber, alertId, after, limit);
            page.forEach(v -> keys.add(v.key()));
            if (page.size() < limit) {
                return keys;
            }
            after = page.get(page.size() - 1).key();
        }
    }

    private List<NotificationView> page(String subscriber, String alertId, String after, int limit) {
        LogPages.Range range = new LogPages.Range(subscriber, alertId, after);
        return LogPages.merge(partitions.stream().map(p -> LogPages.read(p, range, limit)).toList(), limit);
    }

    private void add(int partition, Notification n) {
        partitions.get(partition).map.put(n.key(), n);
        every.add(n.key());
    }

    private static Alert alert(String id, AlertStatus status, Severity severity) {
        return new Alert(id, AlertType.STALLED, status, severity, "MX-PGR-01", "MX-2013", "PGR", "justice-security",
                "Registro de detenidos", NOW, "resumen", AlertDetails.NONE);
    }

    private static Notification notification(String subscriber, Alert alert, NotificationKind kind) {
        return Notification.pending(subscriber, alert, kind, 0, Delivery.IMMEDIATE, NOW, NOW, NOW, List.of("x@example.org"));
    }

    /** One partition's store, ordered as RocksDB orders it. */
    private static final class Store implements ReadOnlyKeyValueStore<String, Notification> {
        final NavigableMap<String, Notification> map = new TreeMap<>(LogPages.STORE_ORDER);

        @Override
        public Notification get(String key) {
            return map.get(key);
        }

        @Override
        public KeyValueIterator<String, Notification> range(String from, String to) {
            NavigableMap<String, Notification> tail = from == null ? map : map.tailMap(from, true);
            return iterator((to == null ? tail : tail.headMap(to, true)).entrySet().iterator());
        }

        @Override
        public KeyValueIterator<String, Notification> all() {
            return range(null, null);
        }

        @Override
        public long approximateNumEntries() {
            return map.size();
        }

        private static KeyValueIterator<String, Notification> iterator(Iterator<Map.Entry<String, Notification>> it) {
            return new KeyValueIterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<String, Notification> next() {
                    Map.Entry<String, Notification> e = it.next();
                    return KeyValue.pair(e.getKey(), e.getValue());
                }

                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
