package org.vigia.processor.topology.judge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.vigia.events.Commitment;
import org.vigia.events.ProgressUpdate;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;
import org.vigia.processor.topology.Withdrawal;

/**
 * A registry or progress record the judge read before what it follows (see {@link InputGate}),
 * kept in {@code judge-held-records} under (input, offset) until it can be applied: its key,
 * value (a {@link ProgressUpdate}, a {@link Commitment} or a {@link Withdrawal}), record
 * timestamp and the offset it follows. A record that was refused while others of its input were
 * held is kept as a place holder ({@link #rejected()}): nothing to apply, an offset that counts
 * as read once its turn comes.
 */
public record HeldRecord(String key, Object value, long timestamp, long follows) {
    static final byte PROGRESS = 'P';
    static final byte REGISTRY = 'R';

    static HeldRecord rejected() {
        return new HeldRecord(null, null, 0, -1);
    }

    boolean isRejected() {
        return value == null;
    }

    /** The store key: the input, then the offset big-endian, so each input's held records iterate in offset order. */
    static Bytes keyOf(byte input, long offset) {
        return Bytes.wrap(ByteBuffer.allocate(9).put(input).putLong(offset).array());
    }

    static long offsetOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong(1);
    }

    /** The store's value serde: a held value is written as its topic's JSON. */
    public static Serde<HeldRecord> codec(Serde<ProgressUpdate> progress, Serde<Commitment> commitments) {
        return new Codec(progress, commitments);
    }

    /** The binary form: version, kind, timestamp, follows, key, then the value as the topic's JSON. */
    static final class Codec implements Serde<HeldRecord> {
        private static final int VERSION = 1;
        private static final int KIND_PROGRESS = 1;
        private static final int KIND_COMMITMENT = 2;
        private static final int KIND_WITHDRAWAL = 3;
        private static final int KIND_REJECTED = 4;
        private final Serde<ProgressUpdate> progress;
        private final Serde<Commitment> commitments;

        Codec(Serde<ProgressUpdate> progress, Serde<Commitment> commitments) {
            this.progress = progress;
            this.commitments = commitments;
        }

        @Override
        public Serializer<HeldRecord> serializer() {
            return (topic, h) -> {
                if (h == null) {
                    return null;
                }
                BinaryWriter w = new BinaryWriter(256).u8(VERSION);
                String json = null;
                if (h.value() instanceof ProgressUpdate u) {
                    w.u8(KIND_PROGRESS);
                    json = new String(progress.serializer().serialize(topic, u), StandardCharsets.UTF_8);
                } else if (h.value() instanceof Commitment c) {
                    w.u8(KIND_COMMITMENT);
                    json = new String(commitments.serializer().serialize(topic, c), StandardCharsets.UTF_8);
                } else if (h.value() instanceof Withdrawal) {
                    w.u8(KIND_WITHDRAWAL);
                } else if (h.isRejected()) {
                    w.u8(KIND_REJECTED);
                } else {
                    throw new IllegalArgumentException("the judge does not hold " + h.value());
                }
                return w.i64(h.timestamp()).i64(h.follows()).str(h.key()).str(json).toBytes();
            };
        }

        @Override
        public Deserializer<HeldRecord> deserializer() {
            return (topic, b) -> {
                if (b == null) {
                    return null;
                }
                BinaryReader r = new BinaryReader(b).version(VERSION, "judge-held-records");
                int kind = r.u8();
                long timestamp = r.i64();
                long follows = r.i64();
                String key = r.str();
                String json = r.str();
                Object value = switch (kind) {
                    case KIND_PROGRESS -> progress.deserializer().deserialize(topic, json.getBytes(StandardCharsets.UTF_8));
                    case KIND_COMMITMENT -> commitments.deserializer().deserialize(topic,
                            json.getBytes(StandardCharsets.UTF_8));
                    case KIND_WITHDRAWAL -> new Withdrawal(key);
                    case KIND_REJECTED -> null;
                    default -> throw new IllegalStateException("judge-held-records: unknown kind " + kind);
                };
                return new HeldRecord(key, value, timestamp, follows);
            };
        }
    }
}
