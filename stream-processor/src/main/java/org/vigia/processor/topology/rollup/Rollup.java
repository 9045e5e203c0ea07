package org.vigia.processor.topology.rollup;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.vigia.events.CommitmentState;
import org.vigia.events.SectorCompletion;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;

/**
 * Counts and completion of a group of commitments — a plan's sector or agency — as the sum of
 * {@link RollupDelta}s (store {@code rollups}); the same shape sums one day's deltas in the
 * daily history store. Mutable: it lives between a store read and a store write.
 */
public final class Rollup {
    /** Which grouping a roll-up is. */
    public enum Kind { SECTOR, AGENCY }

    private static final CommitmentState[] STATES = CommitmentState.values();

    public String planId;
    public Kind kind;
    public String group;
    public int commitments;
    public final int[] states = new int[STATES.length];
    public long completionTenths;
    public long verifiedTenths;
    public int verifiedCount;
    public long asOf = Long.MIN_VALUE;

    public static String key(Kind kind, String planId, String group) {
        return (kind == Kind.SECTOR ? "S|" : "A|") + planId + "|" + group;
    }

    public static Rollup empty() {
        return new Rollup();
    }

    public Rollup plus(RollupDelta d) {
        planId = d.planId();
        kind = d.kind();
        group = d.group();
        commitments += d.commitments();
        if (d.from() != null) {
            states[d.from().ordinal()]--;
        }
        if (d.to() != null) {
            states[d.to().ordinal()]++;
        }
        completionTenths += d.completionTenths();
        verifiedTenths += d.verifiedTenths();
        verifiedCount += d.verifiedCount();
        asOf = Math.max(asOf, d.at());
        return this;
    }

    /** Adds another sum of deltas (a day of history) to this one. */
    public Rollup plus(Rollup o) {
        planId = o.planId;
        kind = o.kind;
        group = o.group;
        commitments += o.commitments;
        for (int i = 0; i < states.length; i++) {
            states[i] += o.states[i];
        }
        completionTenths += o.completionTenths;
        verifiedTenths += o.verifiedTenths;
        verifiedCount += o.verifiedCount;
        asOf = Math.max(asOf, o.asOf);
        return this;
    }

    public int count(CommitmentState state) {
        return states[state.ordinal()];
    }

    /** Mean official completion, one decimal. */
    public double meanCompletion() {
        return commitments <= 0 ? 0 : Math.max(0, Math.min(100, Math.round((double) completionTenths / commitments) / 10.0));
    }

    /** Mean verified completion over the commitments that have a verified figure, or null. */
    public Double meanVerifiedCompletion() {
        return verifiedCount <= 0 ? null
                : Math.max(0, Math.min(100, Math.round((double) verifiedTenths / verifiedCount) / 10.0));
    }

    public SectorCompletion toSectorCompletion() {
        return new SectorCompletion(planId, group, commitments, count(CommitmentState.COMPLETED),
                count(CommitmentState.STALLED), count(CommitmentState.AT_RISK), count(CommitmentState.OVERDUE),
                meanCompletion(), java.time.Instant.ofEpochMilli(asOf));
    }

    /** Binary serde of the roll-up stores. */
    public static final class Codec implements Serde<Rollup> {
        private static final int VERSION = 1;

        static byte[] encode(Rollup r) {
            BinaryWriter w = new BinaryWriter(64).u8(VERSION).str(r.planId).u8(r.kind == null ? 0 : r.kind.ordinal())
                    .str(r.group).var(r.commitments);
            for (int s : r.states) {
                w.var(s);
            }
            return w.var(r.completionTenths).var(r.verifiedTenths).var(r.verifiedCount).i64(r.asOf).toBytes();
        }

        static Rollup decode(byte[] b) {
            BinaryReader in = new BinaryReader(b).version(VERSION, "rollup");
            Rollup r = new Rollup();
            r.planId = in.str();
            r.kind = Kind.values()[in.u8()];
            r.group = in.str();
            r.commitments = in.varInt();
            for (int i = 0; i < r.states.length; i++) {
                r.states[i] = in.varInt();
            }
            r.completionTenths = in.var();
            r.verifiedTenths = in.var();
            r.verifiedCount = in.varInt();
            r.asOf = in.i64();
            return r;
        }

        @Override
        public Serializer<Rollup> serializer() {
            return (topic, r) -> r == null ? null : encode(r);
        }

        @Override
        public Deserializer<Rollup> deserializer() {
            return (topic, b) -> b == null ? null : decode(b);
        }
    }
}
