package org.vigia.processor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.events.Milestone;
import org.vigia.events.NewsKind;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.Source;
import org.vigia.processor.topology.Harness;

/**
 * A replay dataset in steps, as ingest's replay writes it: each step's records (timestamps
 * strictly between the previous tick and this one, ascending) and then one tick. Twelve
 * commitments of SCT and PGR over 2014–2015 that exercise every alert type.
 */
final class Dataset {
    record Event(String topic, String key, Object value, Instant at) {
    }

    record Step(List<Event> events, Instant tick) {
    }

    static final String COMMITMENTS = "commitments";
    static final String PROGRESS = "progress";
    static final String NEWS = "news";
    static final LocalDate START = LocalDate.parse("2014-01-01");
    static final LocalDate DUE = LocalDate.parse("2015-06-30");
    /** The plan's progress-report cut-off dates, on every entry. */
    static final List<LocalDate> CUTOFFS = List.of(LocalDate.parse("2014-10-27"), LocalDate.parse("2015-03-08"));
    /** One step: a tick may be read before the records of the step it closes, never before earlier steps'. */
    static final Duration GRACE = Duration.ofDays(7);

    private Dataset() {
    }

    static List<String> commitmentIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ids.add("sct-" + i);
            ids.add("pgr-" + i);
        }
        return ids;
    }

    static Commitment commitment(String id, LocalDate due) {
        boolean sct = id.startsWith("sct");
        return Commitments.of(id, sct ? "SCT" : "PGR", sct ? "infrastructure" : "justice-security")
                .title((sct ? "Obra pública " : "Registro ") + id).runs(START, due)
                .milestone(new Milestone("m1", "Design", 1.0, null)).milestone(new Milestone("m2", "Publish", 1.0, null))
                .cutoffs(CUTOFFS).build();
    }

    static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        Instant previous = START.atStartOfDay(ZoneOffset.UTC).toInstant();
        int week = 0;
        for (LocalDate tick = LocalDate.parse("2014-01-06"); tick.isBefore(LocalDate.parse("2015-08-10"));
                tick = tick.plusWeeks(1), week++) {
            List<Event> events = new ArrayList<>();
            Instant[] clock = {previous};
            java.util.function.Supplier<Instant> next = () -> clock[0] = clock[0].plus(Duration.ofMinutes(7));
            if (week == 0) {
                commitmentIds().forEach(id -> events.add(new Event(COMMITMENTS, id, commitment(id, DUE), next.get())));
            }
            // SCT: every four weeks another 12.5 % on alternating milestones, with evidence.
            if (week % 4 == 1 && week <= 33) {
                for (int i = 1; i <= 6; i++) {
                    int n = week / 4 + 1;
                    double percent = Math.min(100, 25.0 * ((n + 1) / 2));
                    events.add(progress("sct-" + i, n % 2 == 1 ? "m1" : "m2", percent, Source.AGENCY, next.get(),
                            "sct-" + i + "-w" + week));
                }
            }
            // The civil-society view of sct-1 lags far behind: a dispute.
            if (week == 20) {
                events.add(progress("sct-1", "m1", 10, Source.CSO, next.get(), "cso-sct-1"));
            }
            // PGR: an early start, then a year and a half of stalemate; pgr-1..3 finish under new leadership.
            if (week == 5) {
                for (int i = 1; i <= 3; i++) {
                    events.add(progress("pgr-" + i, "m1", 20, Source.AGENCY, next.get(), "pgr-" + i + "-start"));
                }
            }
            if (week == 38) { // late September 2014
                for (int i = 0; i < 4; i++) {
                    Instant at = next.get();
                    events.add(new Event(NEWS, "PGR", new NewsSignal("ayotzinapa-" + i, at, "Proceso",
                            "Ayotzinapa: la PGR bajo presión " + i, "https://proceso.com.mx/a/" + i, List.of("PGR"),
                            List.of("pgr", "ayotzinapa"), NewsKind.SCANDAL, 1.0), at));
                }
            }
            if (week == 62) {
                events.add(new Event(COMMITMENTS, "pgr-4", commitment("pgr-4", LocalDate.parse("2015-12-31")),
                        next.get()));
            }
            if (week >= 64 && week <= 70 && week % 3 == 1) {
                for (int i = 1; i <= 3; i++) {
                    for (String m : List.of("m1", "m2")) {
                        events.add(progress("pgr-" + i, m, week == 70 ? 100 : 50 + week - 64, Source.AGENCY,
                                next.get(), "pgr-" + i + "-" + m + "-w" + week));
                    }
                }
            }
            Instant tickAt = tick.atStartOfDay(ZoneOffset.UTC).toInstant();
            steps.add(new Step(events, tickAt));
            previous = tickAt;
        }
        return steps;
    }

    private static Event progress(String id, String milestone, double percent, Source source, Instant at, String uid) {
        return new Event(PROGRESS, id, ProgressUpdates.by(source, source.name().toLowerCase()).id(uid).commitment(id)
                .milestone(milestone).percent(percent).at(at)
                .evidence(percent >= 100 ? "https://gob.mx/evidencia/" + uid : null).note("week report " + uid).build(), at);
    }

    /** The alerts the topology gives for these steps, from TopologyTestDriver. */
    static List<org.vigia.events.Alert> expectedAlerts(List<Step> steps) {
        try (Harness h = new Harness(org.vigia.processor.topology.Thresholds.defaults(), GRACE, true)) {
            for (Step step : steps) {
                for (Event e : step.events()) {
                    switch (e.topic()) {
                        case COMMITMENTS -> h.register((Commitment) e.value(), e.at());
                        case PROGRESS -> h.report((ProgressUpdate) e.value());
                        case NEWS -> h.news(e.key(), (NewsSignal) e.value());
                        default -> throw new IllegalArgumentException(e.topic());
                    }
                }
                h.tick(step.tick());
            }
            return h.alerts();
        }
    }
}
