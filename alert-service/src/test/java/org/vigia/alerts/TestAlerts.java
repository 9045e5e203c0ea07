package org.vigia.alerts;

import java.time.Instant;
import java.time.LocalDate;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.CommitmentState;
import org.vigia.events.Severity;

/** Alerts as the stream processor writes them, with the details a CSO wants to read. */
final class TestAlerts {
    private TestAlerts() {
    }

    static Alert stalled(String alertId, String agency, String commitmentId, String title, int days) {
        return alert(alertId, AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING, agency, commitmentId, title, days);
    }

    static Alert alert(String alertId, AlertType type, AlertStatus status, Severity severity, String agency,
                       String commitmentId, String title, int days) {
        AlertDetails details = details(days);
        return new Alert(alertId, type, status, severity, commitmentId, "MX-2013", agency, "justice-security", title,
                Instant.parse("2014-04-10T00:00:00Z"), "SUMMARY: the commitment has shown no progress.", details);
    }

    static AlertDetails details(long days) {
        return details(days, null);
    }

    static AlertDetails details(long days, AlertDetails.Resolution resolution) {
        return new AlertDetails(40.0, 25.0, days, 90, LocalDate.parse("2015-06-30"), CommitmentState.STALLED,
                Instant.parse("2014-01-10T00:00:00Z"), "Pendiente la firma del convenio con la Policía Federal",
                "https://evidencia.example/pgr/acta-3.pdf", false, null, resolution, null, null, null, null, null, null, null,
                null);
    }

    /** The end of the episode, because official completion went up again. */
    static Alert resolved(Alert firing) {
        return resolved(firing, AlertDetails.Resolution.PROGRESS);
    }

    static Alert resolved(Alert firing, AlertDetails.Resolution why) {
        return new Alert(firing.alertId(), firing.type(), AlertStatus.RESOLVED, Severity.INFO, firing.commitmentId(),
                firing.planId(), firing.agency(), firing.sector(), firing.title(), firing.raisedAt().plusSeconds(86400),
                "The commitment is moving again.", details(0, why));
    }

    /** A one-off notice about the same commitment (RESUMED, COMPLETED, SCOPE_REDUCED). */
    static Alert notice(Alert about, AlertType type) {
        return new Alert(about.commitmentId() + ":" + type + ":2015-03-10", type, AlertStatus.FIRING, Severity.INFO,
                about.commitmentId(), about.planId(), about.agency(), about.sector(), about.title(),
                Instant.parse("2015-03-10T00:00:00Z"), "A notice.", details(0));
    }

    static Alert withSeverity(Alert a, Severity severity, int days) {
        return new Alert(a.alertId(), a.type(), a.status(), severity, a.commitmentId(), a.planId(), a.agency(), a.sector(),
                a.title(), a.raisedAt(), a.summary(), details(days));
    }
}
