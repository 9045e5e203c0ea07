package org.vigia.events;

import java.time.Instant;
import java.util.List;

/**
 * One report about one commitment, or one of its milestones (topic {@code vigia.progress}).
 * Exactly one of {@code percent} or {@code level} is given.
 */
public record ProgressUpdate(
        String updateId,
        String commitmentId,
        String milestoneId,
        Double percent,
        IrmLevel level,
        Source source,
        String reporter,
        Instant reportedAt,
        String evidenceUrl,
        String note) implements Validated {

    public static final int MAX_NOTE = 2000;

    /** The reported completion in percent, whichever scale it came in. */
    public double effectivePercent() {
        return percent != null ? percent : level.percent();
    }

    public boolean hasEvidence() {
        return evidenceUrl != null && !evidenceUrl.isBlank();
    }

    /** The same report with the origin the ingest API derives from the caller's token. */
    public ProgressUpdate withOrigin(Source newSource, String newReporter) {
        return new ProgressUpdate(updateId, commitmentId, milestoneId, percent, level, newSource, newReporter,
                reportedAt, evidenceUrl, note);
    }

    @Override
    public List<Violation> violations() {
        Rules r = new Rules();
        r.matches("updateId", updateId, Rules.UPDATE_ID, true);
        r.matches("commitmentId", commitmentId, Rules.ID, true);
        r.matches("milestoneId", milestoneId, Rules.ID, false);
        if (percent == null && level == null) {
            r.fail("percent", "exactly one of percent or level is required (neither was given)");
        } else if (percent != null && level != null) {
            r.fail("percent", "exactly one of percent or level is required (both were given)");
        } else {
            r.range("percent", percent, 0, 100);
        }
        r.required("source", source);
        r.requiredText("reporter", reporter, 200);
        r.required("reportedAt", reportedAt);
        r.httpUrl("evidenceUrl", evidenceUrl, false);
        r.maxLength("evidenceUrl", evidenceUrl, 2000);
        r.maxLength("note", note, MAX_NOTE);
        return r.result();
    }
}
