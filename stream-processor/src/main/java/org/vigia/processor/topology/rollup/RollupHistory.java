package org.vigia.processor.topology.rollup;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigia.processor.topology.BinaryWriter;
import org.vigia.processor.topology.StoreNames;

/**
 * Keeps each roll-up's history as the sum of its deltas per day of event time (store
 * {@code rollup-daily}, key {@code <roll-up key> 0x00 <epoch day, 8 bytes big-endian>}); each
 * record read is already one judge task's sum for one day (see {@code PendingRollups}). The
 * roll-up as of a date is the sum of its days up to that date: exact, whatever the order in
 * which the deltas of different partitions arrived.
 */
public final class RollupHistory implements Processor<String, Rollup, Void, Void> {
    private static final long DAY = 86_400_000L;
    private KeyValueStore<Bytes, Rollup> daily;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        daily = context.getStateStore(StoreNames.ROLLUP_DAILY);
    }

    @Override
    public void process(Record<String, Rollup> record) {
        Rollup sum = record.value(); // one day's deltas of one judge task: asOf is the latest
        Bytes key = dayKeyAt(record.key(), sum.asOf);
        Rollup day = daily.get(key);
        daily.put(key, (day == null ? Rollup.empty() : day).plus(sum));
    }

    /** The key of the day of event time {@code at} (epoch milliseconds) in a roll-up's history. */
    public static Bytes dayKeyAt(String rollupKey, long at) {
        return dayKey(rollupKey, Math.floorDiv(at, DAY));
    }

    public static Bytes dayKey(String rollupKey, long epochDay) {
        return Bytes.wrap(new BinaryWriter(48).raw(rollupKey.getBytes(StandardCharsets.UTF_8)).u8(0).i64(epochDay)
                .toBytes());
    }
}
