package org.vigia.processor.query;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentState;
import org.vigia.processor.topology.judge.SeriesPoint;
import org.vigia.processor.topology.judge.StatusFacts;

/**
 * One day of a commitment's series as the query API serves it: its official and verified
 * completion, state, and whether a stall or a dispute was open at the end of that day.
 */
public record DailyPoint(LocalDate date, double completion, Double verifiedCompletion, CommitmentState state,
                         boolean stalled, boolean disputed, long daysWithoutProgress) {
    private static final long DAY = 86_400_000L;

    /** One point per day from the first change to {@code to} (or the last change), each day carrying the last change. */
    static List<DailyPoint> fillForward(List<SeriesPoint> changes, LocalDate to) {
        List<DailyPoint> out = new ArrayList<>();
        if (changes.isEmpty()) {
            return out;
        }
        LocalDate first = day(changes.get(0).facts().asOf());
        LocalDate last = to != null ? to : day(changes.get(changes.size() - 1).facts().asOf());
        int next = 0;
        SeriesPoint current = null;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            while (next < changes.size() && !day(changes.get(next).facts().asOf()).isAfter(d)) {
                current = changes.get(next++);
            }
            long end = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
            StatusFacts f = current.facts();
            out.add(new DailyPoint(d, f.completion(), f.verifiedCompletion(), f.state(), current.stalled(), f.disputed(),
                    daysAt(f, end)));
        }
        return out;
    }

    /** The facts carried forward to {@code end}: the same figures, days without progress counted to then. */
    static StatusFacts carried(StatusFacts f, Commitment c, long end) {
        return new StatusFacts(f.state(), f.completion(), f.verifiedCompletion(), f.disputed(), f.evidenceMissing(),
                f.lastProgressAt(), f.lastUpdateAt(), daysAt(f, end), f.projectedCompletion(), Math.max(end, f.asOf()));
    }

    private static long daysAt(StatusFacts f, long end) {
        return f.state() == CommitmentState.COMPLETED ? 0 : Math.max(0, Math.floorDiv(end - f.lastProgressAt(), DAY));
    }

    private static LocalDate day(long ms) {
        return LocalDate.ofEpochDay(Math.floorDiv(ms, DAY));
    }
}
