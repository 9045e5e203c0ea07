package org.vigia.ingest.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.events.Tick;
import org.vigia.events.Topic;
import org.vigia.ingest.kafka.Records;

/**
 * One tick for every partition of the clock topic: key {@code tick-<p>}, explicit
 * partition {@code p}, record timestamp = {@code tick.at}. Every task of the topology
 * reads one clock partition, so every task learns that time has moved.
 */
public final class Ticks {
    private Ticks() {
    }

    public static List<ProducerRecord<byte[], byte[]>> forEveryPartition(Topic<String, Tick> clock, int partitions, Instant at) {
        long[] none = new long[partitions];
        Arrays.fill(none, -1);
        return following(clock, at, none, none);
    }

    /**
     * Ticks that follow records their writer wrote before them: tick {@code p} names
     * {@code progress[p]} and {@code commitments[p]}, the offsets of the writer's last record in
     * partition {@code p} of each topic (negative: none yet), and the processor does not apply
     * it before it has read them.
     */
    public static List<ProducerRecord<byte[], byte[]>> following(Topic<String, Tick> clock, Instant at, long[] progress,
                                                                 long[] commitments) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(progress.length);
        for (int p = 0; p < progress.length; p++) {
            Tick tick = new Tick(at, progress[p] < 0 ? null : progress[p], commitments[p] < 0 ? null : commitments[p]);
            records.add(Records.record(clock, p, "tick-" + p, tick, at));
        }
        return records;
    }
}
