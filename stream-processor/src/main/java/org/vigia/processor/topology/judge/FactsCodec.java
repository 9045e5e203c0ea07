package org.vigia.processor.topology.judge;

import java.time.LocalDate;
import org.vigia.events.CommitmentState;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;

/** The binary form of {@link StatusFacts}, shared by the ledger and the daily series. */
final class FactsCodec {
    private static final CommitmentState[] STATES = CommitmentState.values();

    private FactsCodec() {
    }

    static void write(BinaryWriter w, StatusFacts f) {
        w.u8(f.state().ordinal()).f64(f.completion()).bool(f.verifiedCompletion() != null)
                .f64(f.verifiedCompletion() == null ? 0 : f.verifiedCompletion()).bool(f.disputed())
                .bool(f.evidenceMissing()).i64(f.lastProgressAt()).i64(f.lastUpdateAt()).var(f.daysWithoutProgress())
                .var(f.projectedCompletion() == null ? Long.MIN_VALUE : f.projectedCompletion().toEpochDay())
                .i64(f.asOf());
    }

    static StatusFacts read(BinaryReader r) {
        CommitmentState state = STATES[r.u8()];
        double completion = r.f64();
        boolean hasVerified = r.bool();
        double verified = r.f64();
        boolean disputed = r.bool();
        boolean evidenceMissing = r.bool();
        long lastProgressAt = r.i64();
        long lastUpdateAt = r.i64();
        long days = r.var();
        long projected = r.var();
        long asOf = r.i64();
        return new StatusFacts(state, completion, hasVerified ? verified : null, disputed, evidenceMissing,
                lastProgressAt, lastUpdateAt, days, projected == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(projected),
                asOf);
    }
}
