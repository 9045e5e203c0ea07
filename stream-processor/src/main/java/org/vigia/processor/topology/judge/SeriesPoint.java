package org.vigia.processor.topology.judge;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;

/**
 * A commitment's status at the end of one day of event time (store {@code commitment-series},
 * one entry per day on which its status changed; a day without one carries the previous forward).
 *
 * @param stalled whether a STALLED episode was firing (the panel shades those days)
 */
public record SeriesPoint(StatusFacts facts, boolean stalled) {

    /** Binary serde of the series store. */
    public static final class Codec implements Serde<SeriesPoint> {
        private static final int VERSION = 1;

        @Override
        public Serializer<SeriesPoint> serializer() {
            return (topic, p) -> {
                if (p == null) {
                    return null;
                }
                BinaryWriter w = new BinaryWriter(64).u8(VERSION).bool(p.stalled);
                FactsCodec.write(w, p.facts);
                return w.toBytes();
            };
        }

        @Override
        public Deserializer<SeriesPoint> deserializer() {
            return (topic, b) -> {
                if (b == null) {
                    return null;
                }
                BinaryReader r = new BinaryReader(b).version(VERSION, "commitment-series");
                boolean stalled = r.bool();
                return new SeriesPoint(FactsCodec.read(r), stalled);
            };
        }
    }
}
