package org.vigia.processor.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigia.events.Alert;

/**
 * A task's alerts in event-time order (stores {@code alert-log} and {@code agency-alert-log}),
 * for the query API's timeline: keyed by {@code raisedAt} first, so the newest alerts up to any
 * instant are read backwards from it without scanning the rest ({@code query.AlertQuery}).
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
}
