package org.vigia.processor.topology.judge;

import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigia.events.Follows;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Tick;

/**
 * Applies a judge task's three inputs in the order their writers wrote them, whatever order
 * the task reads them in. Kafka Streams picks a task's next record by timestamp only among the
 * partitions it has data buffered for, and by the lag it last fetched, which can read 0 for a
 * partition that has records (a task catching up after a restart): so a tick, a report or a
 * registry version can be read before a record written ahead of it on another partition.
 *
 * <p>What a record follows is named by its writer: a tick's {@link Tick#afterProgress()} and
 * {@link Tick#afterCommitments()}, a progress record's {@value Follows#AFTER_COMMITMENTS} header,
 * a registry record's {@value Follows#AFTER_PROGRESS} header — each the offset of the last record
 * of that partition its writer had written (or read) before it. A record read before what it
 * names is held, and so is every later record of its input behind it, until the task has
 * applied that offset: ticks in {@code judge-held-ticks} (by clock offset), reports and registry
 * versions in {@code judge-held-records} (by input and offset). When a tick, a report and a
 * registry version could all go, the tick goes first: a report or registry version written
 * before a tick is named by it, so a tick that is free was written before them.
 *
 * <p>The offsets applied so far live beside the stream time in {@code judge-clock} and are
 * committed with the task's input offsets, so after a crash the gate knows exactly what the task
 * had applied. A record that names nothing (the live clock's ticks, registry writes through the
 * API) waits only for the records of its input held before it.
 */
final class InputGate {
    private static final String PROGRESS_APPLIED = "read:progress";
    private static final String REGISTRY_APPLIED = "read:commitments";
    private static final long NONE = -1;

    /** What the judge does with a record once the gate lets it through. */
    interface Apply {
        void tick(Tick tick);

        void progress(String key, ProgressUpdate update, long timestamp);

        /** {@code value}: a {@code Commitment} or a {@code Withdrawal}. */
        void registry(String key, Object value, long timestamp);
    }

    private final KeyValueStore<String, Long> positions;
    private final KeyValueStore<Long, Tick> heldTicks;
    private final KeyValueStore<Bytes, HeldRecord> heldRecords;
    private final Runnable onHoldTick;
    private final Runnable onHoldRecord;
    private final Input progress = new Input(HeldRecord.PROGRESS, PROGRESS_APPLIED);
    private final Input registry = new Input(HeldRecord.REGISTRY, REGISTRY_APPLIED);
    private int ticksHeld;

    /** One of the two record inputs: what of it has been applied, and how many of its records wait. */
    private final class Input {
        final byte tag;
        final String positionKey;
        long applied;
        int held;

        Input(byte tag, String positionKey) {
            this.tag = tag;
            this.positionKey = positionKey;
        }

        Input other() {
            return this == progress ? registry : progress;
        }

        void mark(long offset) {
            if (offset > applied) {
                applied = offset;
                positions.put(positionKey, offset);
            }
        }
    }

    /** {@code onHoldTick} and {@code onHoldRecord} are told of every tick and record held (for metrics). */
    InputGate(KeyValueStore<String, Long> positions, KeyValueStore<Long, Tick> heldTicks,
              KeyValueStore<Bytes, HeldRecord> heldRecords, Runnable onHoldTick, Runnable onHoldRecord) {
        this.positions = positions;
        this.heldTicks = heldTicks;
        this.heldRecords = heldRecords;
        this.onHoldTick = onHoldTick;
        this.onHoldRecord = onHoldRecord;
        for (Input in : List.of(progress, registry)) {
            Long offset = positions.get(in.positionKey);
            in.applied = offset == null ? NONE : offset;
        }
        try (KeyValueIterator<Long, Tick> it = heldTicks.all()) {
            while (it.hasNext()) {
                it.next();
                ticksHeld++;
            }
        }
        try (KeyValueIterator<Bytes, HeldRecord> it = heldRecords.all()) {
            while (it.hasNext()) {
                (it.next().key.get()[0] == HeldRecord.PROGRESS ? progress : registry).held++;
            }
        }
    }

    /** The tick at {@code clockOffset}: applied now if what it names has been applied and no tick waits, else held. */
    void tick(long clockOffset, Tick tick, Apply apply) {
        if (ticksHeld == 0 && reached(tick)) {
            apply.tick(tick);
        } else {
            heldTicks.put(clockOffset, tick);
            ticksHeld++;
            onHoldTick.run();
        }
        drain(apply);
    }

    /** The progress record at {@code offset}, which follows registry offset {@code follows} (null: nothing named). */
    void progress(long offset, Long follows, String key, ProgressUpdate u, long timestamp, Apply apply) {
        offer(progress, offset, new HeldRecord(key, u, timestamp, follows == null ? NONE : follows), apply);
    }

    /** The registry record at {@code offset}, which follows progress offset {@code follows} (null: nothing named). */
    void registry(long offset, Long follows, String key, Object value, long timestamp, Apply apply) {
        offer(registry, offset, new HeldRecord(key, value, timestamp, follows == null ? NONE : follows), apply);
    }

    /**
     * The progress record at {@code offset} was read and refused (its key disagrees with its body,
     * say): nothing of it is applied, but it counts as read for whatever follows it — once the
     * records of its input held before it have gone.
     */
    void rejectedProgress(long offset, Apply apply) {
        offer(progress, offset, HeldRecord.rejected(), apply);
    }

    /** See {@link #rejectedProgress}. */
    void rejectedRegistry(long offset, Apply apply) {
        offer(registry, offset, HeldRecord.rejected(), apply);
    }

    /** How many ticks and records wait. */
    int held() {
        return ticksHeld + progress.held + registry.held;
    }

    private void offer(Input in, long offset, HeldRecord r, Apply apply) {
        if (in.held == 0 && r.follows() <= in.other().applied) {
            deliver(in, offset, r, apply);
        } else {
            heldRecords.put(HeldRecord.keyOf(in.tag, offset), r);
            in.held++;
            if (!r.isRejected()) {
                onHoldRecord.run();
            }
        }
        drain(apply);
    }

    private void deliver(Input in, long offset, HeldRecord r, Apply apply) {
        in.mark(offset);
        if (r.isRejected()) {
            return;
        }
        if (in == progress) {
            apply.progress(r.key(), (ProgressUpdate) r.value(), r.timestamp());
        } else {
            apply.registry(r.key(), r.value(), r.timestamp());
        }
    }

    /** Applies held ticks and records, in the order above, until none can go. */
    private void drain(Apply apply) {
        boolean moved = true;
        while (moved && held() > 0) {
            moved = releaseTick(apply) || releaseRecord(progress, apply) || releaseRecord(registry, apply);
        }
    }

    private boolean releaseTick(Apply apply) {
        if (ticksHeld == 0) {
            return false;
        }
        KeyValue<Long, Tick> head;
        try (KeyValueIterator<Long, Tick> it = heldTicks.all()) {
            head = it.next();
        }
        if (!reached(head.value)) {
            return false;
        }
        heldTicks.delete(head.key);
        ticksHeld--;
        apply.tick(head.value);
        return true;
    }

    private boolean releaseRecord(Input in, Apply apply) {
        if (in.held == 0) {
            return false;
        }
        KeyValue<Bytes, HeldRecord> head;
        try (KeyValueIterator<Bytes, HeldRecord> it = heldRecords.range(HeldRecord.keyOf(in.tag, 0),
                HeldRecord.keyOf(in.tag, Long.MAX_VALUE))) {
            head = it.next();
        }
        if (head.value.follows() > in.other().applied) {
            return false;
        }
        heldRecords.delete(head.key);
        in.held--;
        deliver(in, HeldRecord.offsetOf(head.key), head.value, apply);
        return true;
    }

    private boolean reached(Tick tick) {
        return (tick.afterProgress() == null || tick.afterProgress() <= progress.applied)
                && (tick.afterCommitments() == null || tick.afterCommitments() <= registry.applied);
    }
}
