package org.vigia.processor.topology;

import java.time.Instant;
import org.vigia.events.Severity;

/** A firing alert: its id (kept for the whole episode), current severity and when it fired. */
public record Episode(String alertId, Severity severity, Instant since) {

    public Episode withSeverity(Severity newSeverity) {
        return new Episode(alertId, newSeverity, since);
    }
}
