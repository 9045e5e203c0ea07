package org.vigia.processor.query;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.vigia.events.Alert;
import org.vigia.events.AlertType;
import org.vigia.processor.topology.BinaryWriter;

/**
 * Which alerts the timeline asks for: of one plan, one agency and one type (each null: any),
 * raised up to the end of {@code asOf} (null: up to now), the newest {@code limit}.
 */
public record AlertQuery(String plan, String agency, AlertType type, LocalDate asOf, int limit) {

    /** Agency-wide alerts name every plan they concern in their details. */
    boolean matches(Alert a) {
        boolean ofPlan = plan == null || plan.equals(a.planId())
                || (a.details() != null && a.details().plans() != null && a.details().plans().contains(plan));
        return ofPlan && (agency == null || agency.equals(a.agency())) && (type == null || type == a.type());
    }

    /**
     * The newest matching alerts of a time-ordered alert log (keys begin with {@code raisedAt}, 8
     * bytes big-endian with the sign bit flipped), newest first, read backwards from the end of
     * {@code asOf}.
     */
    List<Alert> newest(ReadOnlyKeyValueStore<Bytes, Alert> log) {
        List<Alert> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, Alert> it = asOf == null ? log.reverseAll() : log.reverseRange(time(Long.MIN_VALUE),
                time(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()))) {
            while (it.hasNext() && out.size() < limit) {
                Alert a = it.next().value;
                if (a != null && matches(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** The bare time prefix: before every key of a later instant, after every key of an earlier one. */
    private static Bytes time(long epochMillis) {
        return Bytes.wrap(new BinaryWriter(8).i64(epochMillis ^ Long.MIN_VALUE).toBytes());
    }

    /** The query as the parameters other instances are asked with. */
    String toQuery() {
        StringBuilder q = new StringBuilder("?limit=").append(limit);
        if (plan != null) {
            q.append("&plan=").append(plan);
        }
        if (agency != null) {
            q.append("&agency=").append(agency);
        }
        if (type != null) {
            q.append("&type=").append(type.name());
        }
        if (asOf != null) {
            q.append("&asOf=").append(asOf);
        }
        return q.toString();
    }
}
