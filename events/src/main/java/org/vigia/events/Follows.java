package org.vigia.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Record headers by which a registry or progress record names what its writer had written, or
 * read, before it — the same idea as a {@link Tick}'s {@code afterProgress} and
 * {@code afterCommitments}, for the two topics the judge reads side by side.
 *
 * <ul>
 *   <li>{@value #AFTER_COMMITMENTS}, on a {@code vigia.progress} record: the offset of the last
 *       {@code vigia.commitments} record, in the partition with the same number, that the
 *       update's writer had written or read when it wrote the update (ingest's replay: the
 *       step's registry; ingest's API: its registry view, which the update was validated
 *       against).</li>
 *   <li>{@value #AFTER_PROGRESS}, on a {@code vigia.commitments} record: the offset of the last
 *       {@code vigia.progress} record, in the partition with the same number, written before
 *       it.</li>
 * </ul>
 *
 * <p>The value is the offset in decimal ASCII ({@code "1234"}). The processor holds a record until
 * it has applied the offset it names, so a commitment's registry versions and reports are
 * applied in the order they were written, however the two partitions are fetched. Both are
 * optional: a record without them is applied when it is read.
 */
public final class Follows {
    /** On a progress record: the registry offset it follows. */
    public static final String AFTER_COMMITMENTS = "vigia.after-commitments";
    /** On a registry record: the progress offset it follows. */
    public static final String AFTER_PROGRESS = "vigia.after-progress";

    private Follows() {
    }

    /** The header value for {@code offset}. */
    public static byte[] value(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("an offset to follow must not be negative, was " + offset);
        }
        return Long.toString(offset).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The offset named by the last header {@code name}, or null if there is none.
     *
     * @throws IllegalArgumentException naming the header and the rule, if its value is not a
     *         non-negative decimal offset
     */
    public static Long read(Headers headers, String name) {
        Header h = headers == null ? null : headers.lastHeader(name);
        if (h == null) {
            return null;
        }
        byte[] v = h.value();
        if (v == null || v.length == 0 || v.length > 19) {
            throw invalid(name, v);
        }
        long offset = 0;
        for (byte b : v) {
            if (b < '0' || b > '9') {
                throw invalid(name, v);
            }
            offset = offset * 10 + (b - '0');
        }
        if (offset < 0) {
            throw invalid(name, v);
        }
        return offset;
    }

    private static IllegalArgumentException invalid(String name, byte[] v) {
        String shown = v == null ? "null" : "'" + new String(v, StandardCharsets.US_ASCII) + "'";
        return new IllegalArgumentException("header " + name + " must be a non-negative decimal offset, was " + shown);
    }
}
