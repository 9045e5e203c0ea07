package org.vigia.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigia.ingest.replay.DatasetFiles.commitment;
import static org.vigia.ingest.replay.DatasetFiles.news;
import static org.vigia.ingest.replay.DatasetFiles.update;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    @TempDir
    Path dir;

    @Test
    void loadsAValidDatasetWithEveryFile() {
        Path ds = DatasetFiles.write(dir, "[" + commitment("C1", "PGR", "2014-01-01", "2014-12-31") + "]",
                update("u1", "C1", 10, "2014-01-05T10:00:00Z") + "\n\n" + update("u2", "C1", 20, "2014-01-06T10:00:00Z") + "\n",
                news("n1", "2014-01-03T00:00:00Z", "PGR"),
                "{\"at\":\"2014-02-01T00:00:00Z\",\"commitment\":" + commitment("C1", "PGR", "2014-01-01", "2015-06-30") + "}\n");

        Dataset d = Dataset.load(ds);

        assertThat(d.commitments()).hasSize(1);
        assertThat(d.progress()).extracting(u -> u.updateId()).containsExactly("u1", "u2");
        assertThat(d.news()).hasSize(1);
        assertThat(d.amendments()).hasSize(1);
    }

    @Test
    void reportsEveryInvalidLineAsFileLineFieldAndRule() {
        Path ds = DatasetFiles.write(dir, "[\n" + commitment("C1", "PGR", "2014-01-01", "2014-12-31") + ",\n"
                        + commitment("C2", "pgr", "2014-01-01", "2013-12-31") + "\n]",
                update("u1", "C1", 10, "2014-01-05T10:00:00Z") + "\n" + update("u2", "C1", 140, "2014-01-06T10:00:00Z") + "\n"
                        + update("u3", "NOPE", 10, "2014-01-06T10:00:00Z") + "\n"
                        + "{\"updateId\":\"u4\",\"commitmentId\":\"C1\",\"percnt\":3}\n",
                news("n1", "not-a-date", "PGR"), null);

        assertThatThrownBy(() -> Dataset.load(ds)).isInstanceOf(DatasetException.class)
                .satisfies(e -> assertThat(((DatasetException) e).problems()).contains(
                        "commitments.json:3: agency: must match [A-Z0-9_-]{1,32}",
                        "commitments.json:3: dueDate: must not be before startDate (2013-12-31 < 2014-01-01)",
                        "progress.jsonl:2: percent: must be between 0 and 100 (was 140.0)",
                        "progress.jsonl:3: commitmentId: must name a commitment of commitments.json (NOPE is unknown)",
                        "progress.jsonl:4: percnt: is not a known field")
                        .anyMatch(p -> p.startsWith("news.jsonl:1: publishedAt: must be an ISO-8601 instant")));
    }

    @Test
    void anUpdateOnAMilestoneTheCommitmentNeverHadIsRefused() {
        Path ds = DatasetFiles.write(dir, "[" + commitment("C1", "PGR", "2014-01-01", "2014-12-31") + "]",
                update("u1", "C1", 10, "2014-01-05T10:00:00Z").replace("\"percent\"", "\"milestoneId\":\"C9-M1\",\"percent\""),
                null, null);

        assertThatThrownBy(() -> Dataset.load(ds)).hasMessageContaining(
                "progress.jsonl:1: milestoneId: must be a milestone of C1 (C9-M1 is not one)");
    }

    @Test
    void aMissingRequiredFileIsNamed() {
        assertThatThrownBy(() -> Dataset.load(dir)).hasMessageContaining("commitments.json: is missing")
                .hasMessageContaining("progress.jsonl: is missing");
    }

    @Test
    void malformedJsonIsReportedWithItsFile() {
        Path ds = DatasetFiles.write(dir, "[{\"id\": ", "{oops}\n", null, null);

        assertThatThrownBy(() -> Dataset.load(ds)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("commitments.json").hasMessageContaining("progress.jsonl:1:");
    }
}
