package org.vigia.ingest.clock;

import java.time.Instant;
import java.util.ArrayList;
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
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(partitions);
        Tick tick = new Tick(at);
        for (int p = 0; p < partitions; p++) {
            records.add(Records.record(clock, p, "tick-" + p, tick, at));
        }
        return records;
    }
}
