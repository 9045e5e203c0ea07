package org.vigia.processor.topology;

import java.time.Instant;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;

/**
 * One received report as the query API shows it, with whether it counts.
 *
 * @param remark why a report does not count (late, unknown milestone), or null
 */
public record HistoryEntry(String updateId, String milestoneId, double percent, Source source, String reporter,
                           Instant reportedAt, String evidenceUrl, String note, boolean counted, String remark) {

    public static HistoryEntry of(ProgressUpdate u, boolean counted, String remark) {
        return new HistoryEntry(u.updateId(), u.milestoneId(), u.effectivePercent(), u.source(), u.reporter(),
                u.reportedAt(), u.evidenceUrl(), u.note(), counted, remark);
    }
}
