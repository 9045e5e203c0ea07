package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.TestAlerts.notice;
import static org.vigia.alerts.TestAlerts.resolved;
import static org.vigia.alerts.TestAlerts.stalled;
import static org.vigia.alerts.TestAlerts.withSeverity;
import static org.vigia.alerts.Timeline.subject;
import static org.vigia.alerts.Timeline.subjectContaining;
import static org.vigia.alerts.Timeline.textContaining;
import static org.vigia.alerts.Timeline.to;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails.Resolution;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

/**
 * Alerts pushed at given times produce the expected emails at the expected times, in the
 * style of Alertmanager's acceptance tests, with every path on: reminders (every hour unless a
 * test says otherwise), the rate limit (20 an hour) and digests. The service runs on a
 * {@link MutableClock}: {@code at(t)} is t seconds after Monday 2026-05-11 07:00 in Mexico City.
 */
class TimelineIT {
    static final Instant T0 = Instant.parse("2026-05-11T13:00:00Z");
    static final String SUBSCRIPTIONS = """
            subscriptions:
              - name: Artículo 19
                emails: [alertas@articulo19.example]
                language: es
                match: { agencies: [PGR], types: [STALLED, RESUMED, OVERDUE, COMPLETED], minSeverity: WARNING }
              - name: CIDAC
                emails: [alertas@cidac.example]
                language: en
              - name: Fundar
                emails: [alertas@fundar.example]
                language: es
                delivery: daily
              - name: GESOC
                emails: [alertas@gesoc.example]
                language: en
                delivery: weekly
            """;

    private GreenMail smtp;
    private Timeline timeline;

    private final Alert pgr = stalled("stall-pgr-01-e1", "PGR", "MX-PGR-01", "Registro de detenidos", 92);
    private final Alert pgr2 = stalled("stall-pgr-02-e1", "PGR", "MX-PGR-02", "Base de datos de personas desaparecidas", 120);
    private final Alert pgr3 = stalled("stall-pgr-03-e1", "PGR", "MX-PGR-03", "Datos para un México en Paz", 95);
    private final Alert sct = stalled("stall-sct-01-e1", "SCT", "MX-SCT-01", "Obra pública abierta", 91);

    @BeforeEach
    void smtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    private Timeline timeline(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of("VIGIA_REPEAT_INTERVAL", "1h", "VIGIA_RATE_LIMIT_PER_HOUR", "20",
                "VIGIA_DIGEST_TIME", "08:00", "VIGIA_DIGEST_ZONE", "America/Mexico_City"));
        env.putAll(overrides);
        timeline = new Timeline(smtp, smtp.getSmtp().getPort(), new MutableClock(T0), SUBSCRIPTIONS, env).start();
        return timeline;
    }

    @AfterEach
    void stop() {
        if (timeline != null) {
            timeline.close();
        }
        smtp.stop();
    }

    @Test
    void alertsArrivingWithinTheGroupWaitGoOutTogetherAndLaterOnesStartANewGroup() {
        timeline(Map.of());
        timeline.at(0).push(pgr);
        timeline.at(0.5).push(pgr2);
        timeline.at(0.9).push(pgr3);
        timeline.at(0.99).expectNoEmail(to("articulo19"));
        timeline.at(1).expectEmail(to("articulo19"),
                subject("[Vigía] 3 alertas: PGR · Registro de detenidos: sin avance desde hace 92 días y 2 más"),
                textContaining("Base de datos de personas desaparecidas"), textContaining("Datos para un México en Paz"));

        timeline.expectEmail(to("cidac"), subjectContaining("[Vigía] 3 alerts"));
        timeline.at(1.5).push(sct);
        timeline.at(2.49).expectNoEmail(to("cidac"));
        timeline.at(2.5).expectEmail(to("cidac"), subject("[Vigía] SCT · Obra pública abierta: no progress for 91 days"));
        timeline.expectNoEmail(to("articulo19"));
    }

    @Test
    void aResolutionGoesToExactlyWhoeverGotTheFiringNotificationAndSaysWhy() {
        timeline(Map.of());
        Alert neverFired = stalled("stall-pgr-09-e1", "PGR", "MX-PGR-09", "Compromiso sin alerta previa", 100);
        timeline.at(0).push(pgr);
        timeline.at(1).expectEmail(to("articulo19"), subjectContaining("sin avance desde hace 92 días"));
        timeline.expectEmail(to("cidac"), subjectContaining("no progress for 92 days"));

        // The resolution has severity INFO, below Artículo 19's minimum: it still goes to them.
        timeline.at(3).push(resolved(pgr, Resolution.COMPLETED), resolved(neverFired));
        timeline.at(4).expectEmail(to("articulo19"), subject("[Vigía] PGR · Registro de detenidos: terminó el estancamiento: se cumplió"),
                textContaining("Alerta resuelta"), textContaining("El compromiso se cumplió, con evidencia."));
        timeline.expectEmail(to("cidac"), subject("[Vigía] PGR · Registro de detenidos: stall over: completed"));

        timeline.at(6).push(resolved(pgr));
        timeline.at(8).expectNoEmail(to("articulo19"));
        timeline.expectNoEmail(to("cidac"));
    }

    @Test
    void anOpenEpisodeIsRemindedEveryRepeatIntervalUntilItResolvesAndOneOffNoticesNever() {
        timeline(Map.of("VIGIA_REPEAT_INTERVAL", "3s"));
        timeline.at(0).push(pgr, notice(pgr2, AlertType.RESUMED), notice(pgr3, AlertType.COMPLETED),
                notice(sct, AlertType.SCOPE_REDUCED));
        timeline.at(1).expectEmail(to("cidac"), subjectContaining("4 alerts"), textContaining("Notice: PGR · Datos para un México en Paz"));
        timeline.expectEmail(to("articulo19"), subjectContaining("sin avance"));
        timeline.at(3.9).expectNoEmail(to("articulo19"));
        timeline.at(4).expectEmail(to("articulo19"),
                subject("[Vigía] Recordatorio: PGR · Registro de detenidos: sin avance desde hace 92 días"));
        // Only the open stall is reminded, not the three notices.
        timeline.expectEmail(to("cidac"), subject("[Vigía] Reminder: PGR · Registro de detenidos: no progress for 92 days"));
        timeline.at(6.9).expectNoEmail(to("articulo19"));
        timeline.at(7).expectEmail(to("articulo19"), subjectContaining("Recordatorio: "));
        timeline.expectEmail(to("cidac"), subjectContaining("Reminder: "));

        timeline.at(8).push(resolved(pgr));
        timeline.at(9).expectEmail(to("articulo19"), subjectContaining("terminó el estancamiento: volvió a avanzar"));
        timeline.expectEmail(to("cidac"), subjectContaining("stall over: progress again"));
        timeline.at(20).expectNoEmail(to("articulo19"));
        timeline.expectNoEmail(to("cidac"));
    }

    @Test
    void aStallReEmittedAsCriticalIsAnEscalationToldOnceAndReplaysOfEitherAreNot() {
        timeline(Map.of());
        timeline.at(0).push(pgr);
        timeline.at(1).expectEmail(to("articulo19"), subject("[Vigía] PGR · Registro de detenidos: sin avance desde hace 92 días"));
        timeline.at(2).push(pgr);
        timeline.at(3).push(withSeverity(pgr, Severity.CRITICAL, 184));
        timeline.at(4).expectEmail(to("articulo19"),
                subject("[Vigía] PGR · Registro de detenidos: sin avance desde hace 184 días (crítico)"),
                textContaining("Alerta escalada a crítica"));
        timeline.at(5).push(pgr, withSeverity(pgr, Severity.CRITICAL, 184));
        timeline.at(7).expectNoEmail(to("articulo19"));
        // The reminder an hour after the escalation speaks of the critical stall.
        timeline.at(4 + 3600).expectEmail(to("articulo19"), subjectContaining("Recordatorio: ").and(subjectContaining("(crítico)")));
    }

    @Test
    void digestSubscribersGetOneEmailAtTheDigestTimeDailyOrOnMondays() {
        timeline(Map.of());
        timeline.at(0).push(pgr, sct);
        timeline.at(1).expectEmail(to("cidac"), subjectContaining("2 alerts"));
        timeline.at(3599).expectNoEmail(to("fundar"));
        timeline.expectNoEmail(to("gesoc"));

        timeline.at(3600).expectEmail(to("fundar"), subject("[Vigía] Resumen diario del 2026-05-11: 2 alertas"),
                textContaining("Registro de detenidos"), textContaining("Obra pública abierta"));
        timeline.expectEmail(to("gesoc"), subject("[Vigía] Weekly digest, 2026-05-11: 2 alerts"));

        timeline.at(3700).push(pgr2);
        timeline.at(3600 + 86_399).expectNoEmail(to("fundar"));
        timeline.at(3600 + 86_400).expectEmail(to("fundar"), subject("[Vigía] Resumen diario del 2026-05-12: 1 alerta"));
        timeline.at(3600 + 6 * 86_400).expectNoEmail(to("gesoc"));
        timeline.at(3600 + 7 * 86_400).expectEmail(to("gesoc"), subject("[Vigía] Weekly digest, 2026-05-18: 1 alert"),
                textContaining("Base de datos de personas desaparecidas"));
        // Digests carry no reminders.
        timeline.at(3600 + 8 * 86_400).expectNoEmail(to("fundar"));
        timeline.expectNoEmail(to("gesoc"));
    }

    @Test
    void whatExceedsTheRateLimitWaitsForTheNextSlotAndGoesOutMergedNeverDropped() {
        timeline(Map.of("VIGIA_RATE_LIMIT_PER_HOUR", "2", "VIGIA_REPEAT_INTERVAL", "2h"));
        timeline.at(0).push(pgr);
        timeline.at(1).expectEmail(to("cidac"), subjectContaining("Registro de detenidos"));
        timeline.at(2).push(pgr2);
        timeline.at(3).expectEmail(to("cidac"), subjectContaining("Base de datos de personas desaparecidas"));
        timeline.at(4).push(pgr3);
        timeline.at(10).push(sct);
        timeline.expectEmail(to("articulo19"), subjectContaining("Registro de detenidos"));
        timeline.expectEmail(to("articulo19"), subjectContaining("Base de datos de personas desaparecidas"));
        timeline.at(3600).expectNoEmail(to("cidac"));
        timeline.expectNoEmail(to("articulo19"));
        timeline.at(3601).expectEmail(to("cidac"),
                subject("[Vigía] 2 alerts: PGR · Datos para un México en Paz: no progress for 95 days and 1 more"),
                textContaining("Obra pública abierta"));
        // Artículo 19 (PGR only) hit the limit too, with one deferred alert.
        timeline.expectEmail(to("articulo19"), subject("[Vigía] PGR · Datos para un México en Paz: sin avance desde hace 95 días"));
        assertThat(timeline.service().registry().get("vigia.notifications.suppressed").tag("reason", "rate_limited")
                .counter().count()).isEqualTo(3.0);
        // Reminders come two hours after the last email about each stall, within the limit too.
        timeline.at(7200.9).expectNoEmail(to("cidac"));
        timeline.at(7201).expectEmail(to("cidac"), subject("[Vigía] Reminder: PGR · Registro de detenidos: no progress for 92 days"));
        timeline.at(7203).expectEmail(to("cidac"), subjectContaining("Reminder: PGR · Base de datos de personas desaparecidas"));
    }
}
