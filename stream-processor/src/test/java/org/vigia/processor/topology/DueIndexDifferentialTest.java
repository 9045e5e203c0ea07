package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.streams.test.TestRecord;
import org.vigia.events.Alert;
import org.junit.jupiter.api.Test;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.events.Milestone;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.Source;

/**
 * The due index (a tick judges only the commitments whose deadline has come) gives exactly what
 * judging every commitment at every tick gives: the same alerts and the same statuses, in order.
 */
class DueIndexDifferentialTest {
    private static final LocalDate START = LocalDate.parse("2014-01-01");

    /** A seeded random plan: commitments with milestones, reports from every source, amendments, ticks. */
    static List<Consumer<Harness>> plan(long seed) {
        Random r = new Random(seed);
        List<Consumer<Harness>> steps = new ArrayList<>();
        List<Commitment> registry = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            LocalDate start = START.plusDays(r.nextInt(60));
            List<Milestone> ms = new ArrayList<>();
            for (int m = 0; m < 1 + r.nextInt(3); m++) {
                ms.add(new Milestone("m" + m, "Milestone " + m, 1.0 + r.nextInt(3), null));
            }
            Commitment c = Commitments.of("c" + i, "AG" + (i % 5), "sector-" + (i % 4)).plan("plan-" + (i % 3))
                    .title("Commitment " + i).runs(start, start.plusDays(200 + r.nextInt(400)))
                    .stallAfterDays(r.nextInt(4) == 0 ? 30 + r.nextInt(90) : null).milestones(ms).build();
            registry.add(c);
            steps.add(h -> h.register(c, Fixtures.at(c.startDate())));
        }
        int n = 0;
        for (LocalDate d = START; d.isBefore(START.plusDays(420)); d = d.plusDays(1)) {
            Instant day = Fixtures.at(d);
            for (int k = 0; k < 3; k++) {
                Commitment c = registry.get(r.nextInt(registry.size()));
                if (r.nextInt(3) > 0 || d.isBefore(c.startDate())) {
                    continue;
                }
                Milestone m = c.milestones().get(r.nextInt(c.milestones().size()));
                Source source = Source.values()[r.nextInt(3)];
                double pct = Math.min(100, 10 * r.nextInt(11));
                String id = "u" + n++;
                ProgressUpdate u = ProgressUpdates.by(source, source.name().toLowerCase()).id(id).commitment(c.id())
                        .milestone(m.id()).percent(pct).at(day.plusSeconds(3600L * (1 + r.nextInt(20))))
                        .evidence(r.nextBoolean() ? "https://evidence.example/" + n : null).build();
                steps.add(h -> h.report(u));
            }
            if (r.nextInt(40) == 0) {
                Commitment c = registry.get(r.nextInt(registry.size()));
                Commitment amended = c.withDueDate(c.dueDate().plusDays(r.nextInt(120) - 30));
                Instant at = day.plusSeconds(7200);
                steps.add(h -> h.register(amended, at));
            }
            Instant tick = day.plus(Duration.ofDays(1));
            steps.add(h -> h.tick(tick));
        }
        return steps;
    }

    private static Harness run(boolean dueIndex, long seed) {
        Harness h = new Harness(Thresholds.defaults(), Duration.ofDays(1), dueIndex);
        plan(seed).forEach(step -> step.accept(h));
        return h;
    }

    @Test
    void theDueIndexJudgesExactlyWhatAFullScanJudges() {
        for (long seed : new long[] {7, 2026}) {
            try (Harness indexed = run(true, seed); Harness scanned = run(false, seed)) {
                assertThat(indexed.alerts()).hasSizeGreaterThan(100);
                assertThat(byKey(indexed.alerts(), Alert::key)).isEqualTo(byKey(scanned.alerts(), Alert::key));
                assertThat(byKey(indexed.statusRecords(), TestRecord::key))
                        .isEqualTo(byKey(scanned.statusRecords(), TestRecord::key));
            }
        }
    }

    /** Per key, in order: what Kafka keeps ordered (records of different keys are not ordered across partitions). */
    private static <T> Map<String, List<String>> byKey(List<T> records, Function<T, String> key) {
        Map<String, List<String>> out = new TreeMap<>();
        records.forEach(r -> out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(String.valueOf(r)));
        return out;
    }
}
