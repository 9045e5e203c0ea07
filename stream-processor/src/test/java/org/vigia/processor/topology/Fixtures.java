package org.vigia.processor.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.events.IrmLevel;
import org.vigia.events.Milestone;
import org.vigia.events.NewsKind;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.Source;

/** Test data: a plan that starts on 2014-01-01 and ends on 2015-06-30, as in the Mexico study. */
public final class Fixtures {
    public static final LocalDate START = LocalDate.parse("2014-01-01");
    public static final LocalDate DUE = LocalDate.parse("2015-06-30");
    private static int seq;

    private Fixtures() {
    }

    public static Instant day(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    public static Instant at(LocalDate date) {
        return date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    public static Milestone milestone(String id, double weight) {
        return new Milestone(id, "Milestone " + id, weight, null);
    }

    public static Commitment commitment(String id, Milestone... milestones) {
        return commitment(id, "PGR", "justice-security", START, DUE, milestones);
    }

    public static Commitment commitment(String id, String agency, String sector, LocalDate start, LocalDate due,
                                 Milestone... milestones) {
        return Commitments.of(id, agency, sector).runs(start, due).milestones(List.of(milestones)).build();
    }

    public static ProgressUpdate update(String commitmentId, String milestoneId, double percent, Source source, Instant at) {
        return update("u-" + (++seq), commitmentId, milestoneId, percent, source, at, null, null);
    }

    public static ProgressUpdate update(String updateId, String commitmentId, String milestoneId, double percent,
                                 Source source, Instant at, String evidenceUrl, String note) {
        return ProgressUpdates.by(source, source.name().toLowerCase()).id(updateId).commitment(commitmentId)
                .milestone(milestoneId).percent(percent).at(at).evidence(evidenceUrl).note(note).build();
    }

    public static ProgressUpdate evidenced(String commitmentId, String milestoneId, double percent, Instant at) {
        return update("u-" + (++seq), commitmentId, milestoneId, percent, Source.AGENCY, at,
                "https://gob.mx/evidence/" + seq, "done");
    }

    public static ProgressUpdate level(String commitmentId, IrmLevel level, Instant at) {
        return ProgressUpdates.irm().id("u-" + (++seq)).commitment(commitmentId).level(level).at(at).build();
    }

    public static NewsSignal news(String agency, double weight, Instant publishedAt) {
        int n = ++seq;
        return new NewsSignal("n-" + n, publishedAt, "La Jornada", "Headline " + n, "https://example.org/" + n,
                List.of(agency), List.of("pgr"), NewsKind.SCANDAL, weight);
    }
}
