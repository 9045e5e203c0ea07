package org.vigia.processor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.START;
import static org.vigia.processor.topology.Fixtures.at;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.CommitmentState;
import org.vigia.events.Source;
import org.vigia.processor.topology.Fixtures;
import org.vigia.processor.topology.Harness;
import org.vigia.processor.topology.StoreNames;
import org.vigia.processor.topology.judge.SeriesPoint;
import org.vigia.processor.topology.rollup.Rollup;

/**
 * Completion over time per sector and per agency, from the real topology's daily roll-up store:
 * each day's point is the prefix sum of the deltas up to it, and agrees with the daily points of
 * the group's own commitments.
 */
class GroupSeriesTest {
    private static final LocalDate END = LocalDate.parse("2014-06-30");
    private final Harness h = new Harness();

    @BeforeEach
    void aPlanWithTwoSectors() {
        h.register(commitment("p1"), at(START)).register(commitment("p2"), at(START))
                .register(commitment("s1", "SCT", "infrastructure", START, Fixtures.DUE), at(START));
        for (LocalDate d = START; !d.isAfter(END); d = d.plusDays(1)) {
            h.tick(at(d));
            if (d.equals(LocalDate.parse("2014-02-01"))) {
                h.report(update("p1", null, 50, Source.AGENCY, day("2014-02-01")));
                h.report(update("s1", null, 20, Source.AGENCY, day("2014-02-01")));
            }
            if (d.equals(LocalDate.parse("2014-03-10"))) {
                h.report(update("s1", null, 45, Source.AGENCY, day("2014-03-10")));
            }
        }
    }

    @AfterEach
    void close() {
        h.close();
    }

    private List<GroupSeries> scan(Rollup.Kind kind, String plan, String group, LocalDate from, LocalDate to) {
        KeyValueStore<Bytes, Rollup> daily = h.store(StoreNames.ROLLUP_DAILY);
        return GroupSeries.scan(daily, kind, plan, group, from, to);
    }

    private static GroupSeries.Point on(GroupSeries s, String date) {
        return s.points().stream().filter(p -> p.date().equals(LocalDate.parse(date))).findFirst().orElseThrow();
    }

    @Test
    void aSectorHasOnePointPerDayFromItsFirstDayCarryingTheLastChange() {
        List<GroupSeries> sectors = scan(Rollup.Kind.SECTOR, "mx-2013", null, null, END);

        assertThat(sectors).extracting(GroupSeries::sector).containsExactly("infrastructure", "justice-security");
        GroupSeries justice = sectors.get(1);
        assertThat(justice.agency()).isNull();
        assertThat(justice.points()).hasSize((int) (END.toEpochDay() - START.toEpochDay() + 1));
        assertThat(justice.points().get(0).date()).isEqualTo(START);
        assertThat(on(justice, "2014-01-31").meanCompletion()).isZero();
        assertThat(on(justice, "2014-02-01").meanCompletion()).isEqualTo(25.0);
        assertThat(on(justice, "2014-02-20").meanCompletion()).isEqualTo(25.0);
        assertThat(on(justice, "2014-03-31").stalled()).isZero();
        assertThat(on(justice, "2014-04-01").stalled()).as("p2: 90 days since its start").isEqualTo(1);
        assertThat(on(justice, "2014-05-02").stalled()).as("p1: 90 days since its report").isEqualTo(2);
        assertThat(on(sectors.get(0), "2014-03-10").meanCompletion()).isEqualTo(45.0);
        assertThat(justice.points()).allSatisfy(p -> assertThat(p.commitments()).isEqualTo(2));
    }

    @Test
    void everyDayAgreesWithTheDailyPointsOfTheGroupsCommitments() {
        for (GroupSeries s : scan(Rollup.Kind.AGENCY, "mx-2013", null, null, END)) {
            List<String> members = s.agency().equals("PGR") ? List.of("p1", "p2") : List.of("s1");
            Map<LocalDate, List<DailyPoint>> byDay = new TreeMap<>();
            for (String id : members) {
                for (DailyPoint p : DailyPoint.fillForward(changes(id), END)) {
                    byDay.computeIfAbsent(p.date(), d -> new ArrayList<>()).add(p);
                }
            }
            assertThat(s.points()).hasSize(byDay.size());
            for (GroupSeries.Point p : s.points()) {
                List<DailyPoint> day = byDay.get(p.date());
                long tenths = day.stream().mapToLong(d -> Math.round(d.completion() * 10)).sum();
                assertThat(p.commitments()).as("%s %s", s.agency(), p.date()).isEqualTo(day.size());
                assertThat(p.meanCompletion()).as("%s %s", s.agency(), p.date())
                        .isEqualTo(Math.round((double) tenths / day.size()) / 10.0);
                assertThat(p.stalled()).as("%s %s", s.agency(), p.date())
                        .isEqualTo(day.stream().filter(d -> d.state() == CommitmentState.STALLED).count());
                assertThat(p.atRisk()).as("%s %s", s.agency(), p.date())
                        .isEqualTo(day.stream().filter(d -> d.state() == CommitmentState.AT_RISK).count());
            }
        }
    }

    private List<SeriesPoint> changes(String id) {
        List<SeriesPoint> out = new ArrayList<>();
        try (WindowStoreIterator<SeriesPoint> it = h.<String, SeriesPoint>windowStore(StoreNames.SERIES)
                .fetch(id, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"))) {
            it.forEachRemaining(kv -> out.add(kv.value));
        }
        return out;
    }

    @Test
    void fromAndToCutTheDaysButTheSumsStillStartAtTheBeginning() {
        GroupSeries justice = scan(Rollup.Kind.SECTOR, "mx-2013", "justice-security", LocalDate.parse("2014-03-01"),
                LocalDate.parse("2014-03-31")).get(0);

        assertThat(justice.points()).hasSize(31);
        assertThat(justice.points().get(0).date()).isEqualTo(LocalDate.parse("2014-03-01"));
        assertThat(justice.points().get(0).meanCompletion()).isEqualTo(25.0);
        assertThat(justice.points().get(30).date()).isEqualTo(LocalDate.parse("2014-03-31"));
    }

    @Test
    void oneGroupOrAnotherPlanIsAskedByName() {
        assertThat(scan(Rollup.Kind.AGENCY, "mx-2013", "SCT", null, END)).extracting(GroupSeries::agency)
                .containsExactly("SCT");
        assertThat(scan(Rollup.Kind.AGENCY, null, "SCT", null, END)).extracting(GroupSeries::agency)
                .containsExactly("SCT");
        assertThat(scan(Rollup.Kind.SECTOR, "mx-2013", "justice", null, END)).as("a group is not a prefix").isEmpty();
        assertThat(scan(Rollup.Kind.SECTOR, "mx", null, null, END)).as("a plan is not a prefix").isEmpty();
        assertThat(scan(Rollup.Kind.SECTOR, null, null, null, END)).hasSize(2);
    }

    @Test
    void withoutToEachGroupEndsOnTheLastDayAnyChangedAndExtendingAlignsThem() {
        List<GroupSeries> agencies = scan(Rollup.Kind.AGENCY, "mx-2013", null, null, null);
        LocalDate last = agencies.stream().map(GroupSeries::lastDate).max(LocalDate::compareTo).orElseThrow();
        assertThat(agencies).allSatisfy(s -> assertThat(s.lastDate()).isEqualTo(last));

        GroupSeries shortOne = new GroupSeries("mx-2013", null, "SCT", agencies.get(1).points().subList(0, 10));
        List<GroupSeries> extended = GroupSeries.extendTo(List.of(shortOne), START.plusDays(19));
        assertThat(extended.get(0).points()).hasSize(20);
        assertThat(extended.get(0).points().get(19)).isEqualTo(shortOne.points().get(9).on(START.plusDays(19)));
    }

    @Test
    void aGroupGivesAtMostTenYearsOfPointsInOneAnswer() {
        GroupSeries s = scan(Rollup.Kind.SECTOR, "mx-2013", "infrastructure", null, LocalDate.parse("2099-12-31"))
                .get(0);
        assertThat(s.points()).hasSize(GroupSeries.MAX_POINTS);
        assertThat(s.points().get(0).date()).isEqualTo(START);
    }
}
