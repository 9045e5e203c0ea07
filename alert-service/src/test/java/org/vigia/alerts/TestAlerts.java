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
                Instant.parse("2014-04-10T00:00:00Z"), "El compromiso no registra avance.", details);
    }

    static AlertDetails details(long days) {
        return new AlertDetails(40.0, 25.0, days, 90, LocalDate.parse("2015-06-30"), CommitmentState.STALLED,
                Instant.parse("2014-01-10T00:00:00Z"), "Pendiente la firma del convenio con la Policía Federal",
                "https://evidencia.example/pgr/acta-3.pdf", false, null, null, null, null, null, null, null, null, null,
                null);
    }

    static Alert resolved(Alert firing) {
        return new Alert(firing.alertId(), firing.type(), AlertStatus.RESOLVED, Severity.INFO, firing.commitmentId(),
                firing.planId(), firing.agency(), firing.sector(), firing.title(), firing.raisedAt().plusSeconds(86400),
                "El compromiso vuelve a avanzar.", firing.details());
    }

    static Alert withSeverity(Alert a, Severity severity, int days) {
        return new Alert(a.alertId(), a.type(), a.status(), severity, a.commitmentId(), a.planId(), a.agency(), a.sector(),
                a.title(), a.raisedAt(), a.summary(), details(days));
    }
}
