package org.vigia.events;

import java.time.Instant;
import java.util.List;

/**
 * A state change worth telling someone about (topic {@code vigia.alerts}). The same
 * episode always carries the same {@code alertId}, so consumers can de-duplicate replays
 * and retries by {@code (alertId, status)}.
 */
public record Alert(
        String alertId,
        AlertType type,
        AlertStatus status,
        Severity severity,
        String commitmentId,
        String planId,
        String agency,
        String sector,
        String title,
        Instant raisedAt,
        String summary,
        AlertDetails details) implements Validated {

    public Alert {
        details = details == null ? AlertDetails.NONE : details;
    }

    /** Agency-wide alerts (news sensitivity) concern no single commitment. */
    public boolean agencyWide() {
        return commitmentId == null;
    }

    /** The Kafka key: the commitment id, or the agency code for agency-wide alerts. */
    public String key() {
        return agencyWide() ? agency : commitmentId;
    }

    @Override
    public List<Violation> violations() {
        Rules r = new Rules();
        r.matches("alertId", alertId, Rules.UPDATE_ID, true);
        r.required("type", type);
        r.required("status", status);
        r.required("severity", severity);
        r.matches("commitmentId", commitmentId, Rules.ID, type != AlertType.SENSITIVITY_SPIKE);
        r.matches("agency", agency, Rules.AGENCY, true);
        r.required("raisedAt", raisedAt);
        r.requiredText("summary", summary, 1000);
        return r.result();
    }
}
