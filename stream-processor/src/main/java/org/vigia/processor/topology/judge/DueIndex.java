package org.vigia.processor.topology.judge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigia.processor.topology.BinaryWriter;

/**
 * The {@code due-index} store: an entry (deadline, commitment) for each commitment's next
 * deadline, so that a tick finds what is due without reading everything that is registered.
 *
 * <p>Keys sort by deadline, then commitment id: the deadline is written big-endian with its
 * sign bit flipped, so that byte order is numeric order. Entries are never updated in place: a
 * commitment whose deadline moves gets a new entry, and the old one, when popped, finds a
 * ledger that no longer waits for it.
 */
final class DueIndex {
    /** Before {@link #popDue} has run once, e.g. after a restart. */
    static final long UNKNOWN = Long.MIN_VALUE;
    private static final byte[] EMPTY = new byte[0];
    private static final int BATCH = 10_000;

    private final KeyValueStore<Bytes, byte[]> store;
    /** The earliest deadline in the store, or UNKNOWN after a restart until the first pop. */
    private long earliest = UNKNOWN;

    DueIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /** What a pop does with each entry it removes. */
    interface Wake {
        void wake(String commitmentId, long deadline);
    }

    void add(long deadline, String commitmentId) {
        store.put(key(deadline, commitmentId), EMPTY);
        if (earliest != UNKNOWN) {
            earliest = Math.min(earliest, deadline);
        }
    }

    /** Whether an entry may be due at or before {@code watermark}. */
    boolean mayHaveDue(long watermark) {
        return earliest == UNKNOWN || earliest <= watermark;
    }

    /**
     * Removes every entry due after {@code after} (UNKNOWN: from the first) and at or before
     * {@code watermark}, in deadline order, handing each to {@code wake}; then learns the earliest
     * deadline left. Entries that {@code wake} adds meanwhile lie after the watermark.
     *
     * @return how many entries were removed
     */
    int popDue(long after, long watermark, Wake wake) {
        int woken = 0;
        Bytes from = after == UNKNOWN ? null : key(after + 1, "");
        Bytes to = key(watermark, "\uffff");
        while (true) {
            List<Bytes> batch = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> it = store.range(from, to)) {
                while (it.hasNext() && batch.size() < BATCH) {
                    batch.add(it.next().key);
                }
            }
            for (Bytes entry : batch) {
                store.delete(entry);
                wake.wake(commitmentOf(entry), deadlineOf(entry));
                woken++;
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        earliest = Long.MAX_VALUE;
        try (KeyValueIterator<Bytes, byte[]> it = store.range(key(watermark + 1, ""), null)) {
            if (it.hasNext()) {
                earliest = deadlineOf(it.next().key);
            }
        }
        return woken;
    }

    static Bytes key(long deadline, String commitmentId) {
        return Bytes.wrap(new BinaryWriter(48).i64(deadline ^ Long.MIN_VALUE)
                .raw(commitmentId.getBytes(StandardCharsets.UTF_8)).toBytes());
    }

    static long deadlineOf(Bytes key) {
        byte[] b = key.get();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xFFL);
        }
        return v ^ Long.MIN_VALUE;
    }

    static String commitmentOf(Bytes key) {
        byte[] b = key.get();
        return new String(b, 8, b.length - 8, StandardCharsets.UTF_8);
    }
}
