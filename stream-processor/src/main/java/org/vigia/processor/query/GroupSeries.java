package org.vigia.processor.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.vigia.events.CommitmentState;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.rollup.Rollup;

/**
 * A sector's or an agency's roll-up day by day: one point per day of event time, each the sum of
 * the group's daily deltas (store {@code rollup-daily}) up to the end of that day, so a day
 * without changes carries the day before. Exactly one of {@code sector} and {@code agency} is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupSeries(String planId, String sector, String agency, List<Point> points) {
    /** At most this many points per group in one answer (ten years, more than a plan). */
    public static final int MAX_POINTS = 3660;
    private static final int DAY_SUFFIX = 9; // 0x00 and the epoch day, 8 bytes big-endian

    /** One day of a group: its counts and mean completion at the end of that day. */
    public record Point(LocalDate date, int commitments, int completed, int stalled, int atRisk, int overdue,
                        double meanCompletion, Double meanVerifiedCompletion) {

        static Point of(LocalDate date, Rollup r) {
            return new Point(date, r.commitments, r.count(CommitmentState.COMPLETED), r.count(CommitmentState.STALLED),
                    r.count(CommitmentState.AT_RISK), r.count(CommitmentState.OVERDUE), r.meanCompletion(),
                    r.meanVerifiedCompletion());
        }

        Point on(LocalDate day) {
            return new Point(day, commitments, completed, stalled, atRisk, overdue, meanCompletion,
                    meanVerifiedCompletion);
        }
    }

    String group() {
        return sector != null ? sector : agency;
    }

    LocalDate lastDate() {
        return points.isEmpty() ? null : points.get(points.size() - 1).date();
    }

    /**
     * The groups of one kind in one partition's daily store ({@code plan} and {@code group} null:
     * every one), with points from {@code from} (or the group's first day) to {@code to} (or the
     * last day on which any group of the answer changed).
     */
    static List<GroupSeries> scan(ReadOnlyKeyValueStore<Bytes, Rollup> daily, Rollup.Kind kind, String plan,
                                  String group, LocalDate from, LocalDate to) {
        List<List<KeyValue<Long, Rollup>>> groups = new ArrayList<>();
        String current = null;
        long lastDay = Long.MIN_VALUE;
        try (KeyValueIterator<Bytes, Rollup> it = daily.prefixScan(prefix(kind, plan, group), (t, p) -> p)) {
            while (it.hasNext()) {
                KeyValue<Bytes, Rollup> kv = it.next();
                byte[] key = kv.key.get();
                String rollupKey = new String(key, 0, key.length - DAY_SUFFIX, StandardCharsets.UTF_8);
                if (kv.value == null || (group != null && !group.equals(kv.value.group))) {
                    continue;
                }
                if (!rollupKey.equals(current)) {
                    groups.add(new ArrayList<>());
                    current = rollupKey;
                }
                long day = new BinaryReader(key, key.length - 8).i64();
                groups.get(groups.size() - 1).add(KeyValue.pair(day, kv.value));
                lastDay = Math.max(lastDay, day);
            }
        }
        LocalDate end = to != null ? to : lastDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(lastDay);
        List<GroupSeries> out = new ArrayList<>();
        for (List<KeyValue<Long, Rollup>> days : groups) {
            GroupSeries s = of(days, kind, from, end);
            if (!s.points.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The prefix of the daily keys of a kind, a plan's groups of that kind, or one group. */
    private static byte[] prefix(Rollup.Kind kind, String plan, String group) {
        String ofPlan = Rollup.key(kind, plan == null ? "" : plan, "");
        String prefix = plan == null ? ofPlan.substring(0, ofPlan.length() - 2) // the kind's "S|" or "A|"
                : group == null ? ofPlan : Rollup.key(kind, plan, group) + '\u0000';
        return prefix.getBytes(StandardCharsets.UTF_8);
    }

    /** Prefix sums of one group's days, ascending, as daily points from {@code from} to {@code to}. */
    private static GroupSeries of(List<KeyValue<Long, Rollup>> days, Rollup.Kind kind, LocalDate from, LocalDate to) {
        Rollup sum = Rollup.empty();
        List<Point> points = new ArrayList<>();
        LocalDate next = null; // the first day without a point yet, once the group has begun
        for (KeyValue<Long, Rollup> d : days) {
            LocalDate day = LocalDate.ofEpochDay(d.key);
            if (to != null && day.isAfter(to)) {
                break;
            }
            if (next != null) {
                fill(points, sum, next, day.minusDays(1), from);
            }
            sum.plus(d.value);
            fill(points, sum, day, day, from);
            next = day.plusDays(1);
        }
        if (next != null && to != null) {
            fill(points, sum, next, to, from);
        }
        Rollup any = days.get(0).value;
        boolean sector = kind == Rollup.Kind.SECTOR;
        return new GroupSeries(any.planId, sector ? any.group : null, sector ? null : any.group, points);
    }

    private static void fill(List<Point> points, Rollup sum, LocalDate first, LocalDate last, LocalDate from) {
        LocalDate d = from != null && from.isAfter(first) ? from : first;
        Point carried = d.isAfter(last) ? null : Point.of(d, sum);
        for (; !d.isAfter(last) && points.size() < MAX_POINTS; d = d.plusDays(1)) {
            points.add(carried.on(d));
        }
    }

    /** Every series carried to {@code to} (the answer's last day), so that all end on the same day. */
    static List<GroupSeries> extendTo(List<GroupSeries> all, LocalDate to) {
        if (to == null) {
            return all;
        }
        List<GroupSeries> out = new ArrayList<>(all.size());
        for (GroupSeries s : all) {
            List<Point> points = new ArrayList<>(s.points);
            Point last = points.get(points.size() - 1);
            for (LocalDate d = last.date().plusDays(1); !d.isAfter(to) && points.size() < MAX_POINTS; d = d.plusDays(1)) {
                points.add(last.on(d));
            }
            out.add(new GroupSeries(s.planId, s.sector, s.agency, points));
        }
        return out;
    }
}
