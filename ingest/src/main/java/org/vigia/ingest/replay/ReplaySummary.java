package org.vigia.ingest.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * What a replay wrote.
 *
 * @param steps          transactions committed (one per tick)
 * @param partitions     clock partitions each tick went to
 * @param commitments    initial registry records
 * @param amendments     registry changes
 * @param progress       progress updates
 * @param news           news signals (each written once per agency it names)
 * @param newsRecords    news records written
 * @param eventsAfterEnd dataset records left out because they fall after {@code end}
 * @param start          event time of the first tick
 * @param end            event time of the last tick
 * @param wall           wall-clock time the replay took
 */
public record ReplaySummary(int steps, int partitions, int commitments, int amendments, int progress, int news,
                            int newsRecords, int eventsAfterEnd, Instant start, Instant end, Duration wall) {
    @Override
    public String toString() {
        return String.format("%d ticks from %s to %s (to %d clock partitions), %d commitments, %d amendments, "
                        + "%d progress updates, %d news signals (%d records)%s in %.1f s",
                steps, start, end, partitions, commitments, amendments, progress, news, newsRecords,
                eventsAfterEnd == 0 ? "" : ", " + eventsAfterEnd + " records after the end left out",
                wall.toMillis() / 1000.0);
    }
}
