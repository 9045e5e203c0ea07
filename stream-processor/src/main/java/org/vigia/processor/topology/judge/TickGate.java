package org.vigia.processor.topology.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigia.events.Tick;

/**
 * Keeps a judge task's ticks behind the records they follow. A tick may name the offset of the
 * last progress and registry record its writer wrote before it to the task's partitions
 * ({@link Tick#afterProgress()}, {@link Tick#afterCommitments()}); Kafka Streams orders a task's
 * partitions by the lag it last fetched, which can read 0 for a partition that has records (a
 * task catching up after a restart), so such a tick can be read first. The gate then holds it,
 * and every tick after it, in {@code judge-held-ticks} (keyed by the tick's clock offset, so in
 * order) until the task has read those offsets.
 *
 * <p>The offsets read so far live beside the stream time in {@code judge-clock}, written with
 * every record: they are committed with the task's input offsets, so after a crash the gate
 * knows exactly what the task had read. A tick without offsets (the live clock's) waits only
 * for the ticks held before it.
 */
final class TickGate {
    private static final String PROGRESS_READ = "read:progress";
    private static final String REGISTRY_READ = "read:commitments";
    private static final long NONE = -1;

    private final KeyValueStore<String, Long> positions;
    private final KeyValueStore<Long, Tick> held;
    private final Runnable onHold;
    private long progressRead;
    private long registryRead;
    private int heldCount;

    /** {@code onHold} is told of every tick held (for a metric). */
    TickGate(KeyValueStore<String, Long> positions, KeyValueStore<Long, Tick> held, Runnable onHold) {
        this.positions = positions;
        this.held = held;
        this.onHold = onHold;
        this.progressRead = stored(PROGRESS_READ);
        this.registryRead = stored(REGISTRY_READ);
        try (KeyValueIterator<Long, Tick> it = held.all()) {
            while (it.hasNext()) {
                it.next();
                heldCount++;
            }
        }
    }

    private long stored(String key) {
        Long offset = positions.get(key);
        return offset == null ? NONE : offset;
    }

    /** The task has read the progress record at {@code offset}. */
    void readProgress(long offset) {
        if (offset > progressRead) {
            progressRead = offset;
            positions.put(PROGRESS_READ, offset);
        }
    }

    /** The task has read the registry record at {@code offset}. */
    void readRegistry(long offset) {
        if (offset > registryRead) {
            registryRead = offset;
            positions.put(REGISTRY_READ, offset);
        }
    }

    /** True when {@code tick} may be applied now; otherwise it is held, after any held before it. */
    boolean admit(long clockOffset, Tick tick) {
        if (heldCount == 0 && reached(tick)) {
            return true;
        }
        held.put(clockOffset, tick);
        heldCount++;
        onHold.run();
        return false;
    }

    /** How many ticks wait. */
    int held() {
        return heldCount;
    }

    /** Applies, oldest first, the held ticks whose records have now been read, and forgets them. */
    void release(Consumer<Tick> apply) {
        if (heldCount == 0) {
            return;
        }
        List<KeyValue<Long, Tick>> ready = new ArrayList<>();
        try (KeyValueIterator<Long, Tick> it = held.all()) {
            while (it.hasNext()) {
                KeyValue<Long, Tick> next = it.next();
                if (!reached(next.value)) {
                    break;
                }
                ready.add(next);
            }
        }
        for (KeyValue<Long, Tick> kv : ready) {
            held.delete(kv.key);
            heldCount--;
            apply.accept(kv.value);
        }
    }

    private boolean reached(Tick tick) {
        return (tick.afterProgress() == null || tick.afterProgress() <= progressRead)
                && (tick.afterCommitments() == null || tick.afterCommitments() <= registryRead);
    }
}
