package org.vigia.processor.topology.heat;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;

/**
 * What the judge tells the news heat, through the internal {@code judge-to-heat} topic: which
 * commitments each agency has and whether each is unfinished ({@link Membership}, keyed by
 * agency), and how far each judge partition has settled ({@link Watermark}, sent to every
 * partition). Both travel in one topic so that, from one judge partition, a watermark always
 * arrives after the membership changes it covers.
 */
public sealed interface HeatInput {

    /** Event time of the change. */
    long at();

    /**
     * @param unfinished whether the commitment is not (or no longer) completed
     * @param removed    the commitment left the agency (withdrawn, or moved to another agency)
     */
    record Membership(String agency, String commitmentId, String planId, boolean unfinished, boolean removed, long at)
            implements HeatInput {
    }

    /** Judge partition {@code partition} has judged everything up to {@code at} (its stream time minus the grace). */
    record Watermark(int partition, long at) implements HeatInput {
    }

    /** The record key that the heat's partitioner sends to every partition. */
    String BROADCAST = "*";

    /** Binary serde of the internal topic. */
    final class Codec implements Serde<HeatInput> {
        private static final int VERSION = 1;

        static byte[] encode(HeatInput in) {
            BinaryWriter w = new BinaryWriter(64).u8(VERSION);
            if (in instanceof Membership m) {
                w.u8(1).str(m.agency()).str(m.commitmentId()).str(m.planId()).bool(m.unfinished()).bool(m.removed())
                        .i64(m.at());
            } else if (in instanceof Watermark wm) {
                w.u8(2).var(wm.partition()).i64(wm.at());
            }
            return w.toBytes();
        }

        static HeatInput decode(byte[] bytes) {
            BinaryReader r = new BinaryReader(bytes).version(VERSION, "judge-to-heat");
            return switch (r.u8()) {
                case 1 -> new Membership(r.str(), r.str(), r.str(), r.bool(), r.bool(), r.i64());
                case 2 -> new Watermark(r.varInt(), r.i64());
                default -> throw new org.apache.kafka.common.errors.SerializationException("unknown judge-to-heat record");
            };
        }

        @Override
        public Serializer<HeatInput> serializer() {
            return (topic, v) -> v == null ? null : encode(v);
        }

        @Override
        public Deserializer<HeatInput> deserializer() {
            return (topic, b) -> b == null ? null : decode(b);
        }
    }
}
