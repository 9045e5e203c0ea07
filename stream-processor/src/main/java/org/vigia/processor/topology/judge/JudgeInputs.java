package org.vigia.processor.topology.judge;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.Record;
import org.vigia.events.Commitment;
import org.vigia.events.Follows;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Tick;
import org.vigia.processor.topology.RejectedRecordException;
import org.vigia.processor.topology.Withdrawal;

/**
 * What a record the judge reads is and what it follows, handed to the {@link InputGate}. A
 * record that cannot be applied — a key that disagrees with its body, a follows header that is
 * not an offset — is refused before anything of it is held or applied
 * ({@link RejectedRecordException}: dead-lettered with the reason), and still counts as read
 * for whatever follows it.
 */
final class JudgeInputs {
    private final InputGate gate;

    JudgeInputs(InputGate gate) {
        this.gate = gate;
    }

    /** The record at {@code offset} of its partition. */
    void read(Record<String, Object> record, long offset, InputGate.Apply apply) {
        Object value = record.value();
        long ts = record.timestamp();
        String key = record.key();
        if (value instanceof Tick tick) {
            // A tick stamped later than its time is applied at its stamp, and still waits for what it names.
            Tick at = ts > tick.at().toEpochMilli()
                    ? new Tick(Instant.ofEpochMilli(ts), tick.afterProgress(), tick.afterCommitments()) : tick;
            gate.tick(offset, at, apply);
        } else if (value instanceof ProgressUpdate u) {
            String refused = !u.commitmentId().equals(key) ? "progress key '" + key
                    + "' does not match its commitmentId '" + u.commitmentId() + "'" : null;
            Long follows = follows(record, Follows.AFTER_COMMITMENTS, refused, () -> gate.rejectedProgress(offset, apply));
            gate.progress(offset, follows, key, u, ts, apply);
        } else if (value instanceof Commitment || value instanceof Withdrawal) {
            String refused = value instanceof Commitment c && !c.id().equals(key)
                    ? "commitment key '" + key + "' does not match its id '" + c.id() + "'" : null;
            Long follows = follows(record, Follows.AFTER_PROGRESS, refused, () -> gate.rejectedRegistry(offset, apply));
            gate.registry(offset, follows, key, value, ts, apply);
        } else {
            throw new IllegalStateException("the judge does not read " + value);
        }
    }

    private static Long follows(Record<String, Object> record, String header, String refused, Runnable reject) {
        String reason = refused;
        Long follows = null;
        if (reason == null) {
            try {
                follows = Follows.read(record.headers(), header);
            } catch (IllegalArgumentException e) {
                reason = e.getMessage();
            }
        }
        if (reason != null) {
            reject.run();
            throw new RejectedRecordException(reason);
        }
        return follows;
    }
}
