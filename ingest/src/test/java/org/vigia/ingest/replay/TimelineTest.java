package org.vigia.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.ingest.replay.DatasetFiles.commitment;
import static org.vigia.ingest.replay.DatasetFiles.news;
import static org.vigia.ingest.replay.DatasetFiles.update;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.ProgressUpdate;

class TimelineTest {
    @TempDir
    Path dir;

    Dataset dataset() {
        return Dataset.load(DatasetFiles.write(dir,
                "[" + commitment("C1", "PGR", "2014-01-02", "2014-01-04") + "," + commitment("C2", "SCT", "2014-01-01", "2014-01-03") + "]",
                // deliberately out of order in the file
                update("late", "C1", 50, "2014-01-03T09:00:00Z") + "\n" + update("early", "C1", 10, "2014-01-01T12:00:00Z") + "\n"
                        + update("midnight", "C2", 20, "2014-01-02T00:00:00Z") + "\n",
                news("n1", "2014-01-02T08:00:00Z", "PGR", "SEGOB"),
                "{\"at\":\"2014-01-03T09:00:00Z\",\"commitment\":" + commitment("C1", "PGR", "2014-01-02", "2014-02-01") + "}\n"));
    }

    @Test
    void startsAtTheEarliestStartDateAndEndsAWeekAfterTheLatestDueDateAmendmentsIncluded() {
        Timeline t = Timeline.of(dataset(), Duration.ofDays(1), Optional.empty());

        assertThat(t.start()).isEqualTo(Instant.parse("2014-01-01T00:00:00Z"));
        // the amendment moved C1's dueDate to 2014-02-01 → overdue from 2014-02-02, plus 7 days of grace
        assertThat(t.end()).isEqualTo(Instant.parse("2014-02-09T00:00:00Z"));
        assertThat(t.steps()).hasSize(40);
        assertThat(t.steps()).extracting(Timeline.Step::tickAt).startsWith(
                Instant.parse("2014-01-01T00:00:00Z"), Instant.parse("2014-01-02T00:00:00Z"));
    }

    @Test
    void putsEachEventInTheStepOfTheFirstTickAtOrAfterItInEventTimeOrder() {
        Timeline t = Timeline.of(dataset(), Duration.ofDays(1), Optional.empty());

        assertThat(ids(t.steps().get(0))).containsExactly("C1", "C2");
        assertThat(ids(t.steps().get(1))).containsExactly("early", "midnight");
        assertThat(ids(t.steps().get(2))).containsExactly("n1");
        // the amendment and the update share an instant: the registry change goes first
        assertThat(ids(t.steps().get(3))).containsExactly("C1", "late");
        assertThat(t.steps().get(3).events().get(0).kind()).isEqualTo(Timeline.Kind.AMENDMENT);
        assertThat(t.steps().subList(4, 40)).allMatch(s -> s.events().isEmpty());
        for (Timeline.Step s : t.steps()) {
            assertThat(s.events()).allMatch(e -> !e.at().isAfter(s.tickAt()));
        }
    }

    @Test
    void anExplicitEndLeavesLaterEventsOutAndCountsThem() {
        Timeline t = Timeline.of(dataset(), Duration.ofDays(1), Optional.of(Instant.parse("2014-01-02T12:00:00Z")));

        assertThat(t.steps()).extracting(Timeline.Step::tickAt).last().isEqualTo(Instant.parse("2014-01-03T00:00:00Z"));
        assertThat(t.eventsAfterEnd()).isEqualTo(2);
    }

    @Test
    void hourlyTicksSplitTheSameEventsFiner() {
        Timeline t = Timeline.of(dataset(), Duration.ofHours(1), Optional.of(Instant.parse("2014-01-02T00:00:00Z")));

        assertThat(t.steps()).hasSize(25);
        assertThat(ids(t.steps().get(12))).containsExactly("early");
        assertThat(ids(t.steps().get(24))).containsExactly("midnight");
    }

    static List<String> ids(Timeline.Step step) {
        return step.events().stream().map(e -> e.value() instanceof ProgressUpdate u ? u.updateId()
                : e.value() instanceof org.vigia.events.Commitment c ? c.id()
                : ((org.vigia.events.NewsSignal) e.value()).id()).toList();
    }
}
