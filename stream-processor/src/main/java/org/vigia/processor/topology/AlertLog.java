package org.vigia.processor.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.vigia.events.Alert;

/**
 * A task's alerts in event-time order (stores {@code alert-log} and {@code agency-alert-log}),
 * for the query API's timeline: keyed by {@code raisedAt} first, so the newest alerts are read
 * from the end without scanning the rest.
 */
public final class AlertLog {
    private final KeyValueStore<Bytes, Alert> store;

    public AlertLog(KeyValueStore<Bytes, Alert> store) {
        this.store = store;
    }

    public void append(Alert a) {
        store.put(key(a), a);
    }

    static Bytes key(Alert a) {
        return Bytes.wrap(new BinaryWriter(64).i64(a.raisedAt().toEpochMilli() ^ Long.MIN_VALUE)
                .raw(a.alertId().getBytes(StandardCharsets.UTF_8)).u8(0).u8(a.status().ordinal())
                .var(a.severity().ordinal()).toBytes());
    }

    /** The newest {@code limit} alerts that match, newest first. */
    public static List<Alert> newest(ReadOnlyKeyValueStore<Bytes, Alert> store, Predicate<Alert> matches, int limit) {
        List<Alert> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, Alert> it = store.reverseAll()) {
            while (it.hasNext() && out.size() < limit) {
                Alert a = it.next().value;
                if (a != null && matches.test(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }
}
