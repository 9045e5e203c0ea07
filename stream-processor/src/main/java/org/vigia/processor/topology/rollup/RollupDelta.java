package org.vigia.processor.topology.rollup;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.vigia.events.CommitmentState;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;

/**
 * How one commitment's status change moves one roll-up (a plan's sector or agency): small
 * integer differences — commitments, one state left and one entered, completion in tenths —
 * so the sums are exact and the same in whatever order the deltas of different commitments
 * arrive. Keyed by {@link Rollup#key}.
 *
 * @param from  the state the commitment leaves, or null when it joins the group
 * @param to    the state it enters, or null when it leaves the group
 * @param at    event time of the change (the status's asOf)
 */
public record RollupDelta(String planId, Rollup.Kind kind, String group, int commitments, CommitmentState from,
                          CommitmentState to, long completionTenths, long verifiedTenths, int verifiedCount, long at) {

    public String key() {
        return Rollup.key(kind, planId, group);
    }

    /** Binary serde of the internal {@code rollup-deltas} topic. */
    public static final class Codec implements Serde<RollupDelta> {
        private static final int VERSION = 1;
        private static final CommitmentState[] STATES = CommitmentState.values();

        static byte[] encode(RollupDelta d) {
            return new BinaryWriter(48).u8(VERSION).str(d.planId).u8(d.kind.ordinal()).str(d.group).var(d.commitments)
                    .var(d.from == null ? -1 : d.from.ordinal()).var(d.to == null ? -1 : d.to.ordinal())
                    .var(d.completionTenths).var(d.verifiedTenths).var(d.verifiedCount).i64(d.at).toBytes();
        }

        static RollupDelta decode(byte[] b) {
            BinaryReader r = new BinaryReader(b).version(VERSION, "rollup-deltas");
            String plan = r.str();
            Rollup.Kind kind = Rollup.Kind.values()[r.u8()];
            String group = r.str();
            int commitments = r.varInt();
            int from = r.varInt();
            int to = r.varInt();
            return new RollupDelta(plan, kind, group, commitments, from < 0 ? null : STATES[from],
                    to < 0 ? null : STATES[to], r.var(), r.var(), r.varInt(), r.i64());
        }

        @Override
        public Serializer<RollupDelta> serializer() {
            return (topic, d) -> d == null ? null : encode(d);
        }

        @Override
        public Deserializer<RollupDelta> deserializer() {
            return (topic, b) -> b == null ? null : decode(b);
        }
    }
}
