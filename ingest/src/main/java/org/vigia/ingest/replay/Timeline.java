package org.vigia.ingest.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.vigia.events.Amendment;
import org.vigia.events.Commitment;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;

/**
 * A dataset laid out in event time: a sequence of steps, each ending with a clock tick.
 * A pure function of the dataset and the options — no Kafka, no wall clock — so the same
 * dataset always gives the same steps.
 *
 * <p>Time semantics (the contract with the stream processor):
 * <ul>
 *   <li>The replay starts at {@code start} = the earlier of the earliest startDate (00:00 UTC)
 *       and the earliest event, rounded down to a whole tick since the epoch (midnight UTC for
 *       daily ticks). The initial registry is stamped {@code start}: it exists before anything
 *       happens to it.</li>
 *   <li>Tick {@code k} is at {@code start + k × tick}. Step {@code k} holds the events with
 *       event time in {@code (tick k-1, tick k]} (step 0: everything at or before
 *       {@code start}), in event-time order, and then the tick {@code k} to every clock
 *       partition. So a tick never runs ahead of an event it should follow, and record
 *       timestamps never go backwards on any partition.</li>
 *   <li>At equal event times: registry, then amendments, then progress, then news; within a
 *       kind, file order.</li>
 *   <li>The last tick is the first one at or after {@code end}; events after {@code end} are
 *       left out (and counted). The default end is the later of the last event and the latest
 *       dueDate (registry or amendment) + 1 day + 7 days, so OVERDUE fires and settles.</li>
 * </ul>
 */
public record Timeline(Instant start, Instant end, Duration tick, List<Step> steps, int eventsAfterEnd) {

    /** What one record of the replay is. */
    public enum Kind {
        REGISTRY, AMENDMENT, PROGRESS, NEWS;

        /** A record of {@code vigia.commitments}: the initial registry or an amendment. */
        public boolean isRegistry() {
            return this == REGISTRY || this == AMENDMENT;
        }
    }

    /** One dataset record at its event time. */
    public record Event(Instant at, Kind kind, int seq, Object value) {
    }

    /** The events of one step and the tick that closes it. */
    public record Step(int index, Instant tickAt, List<Event> events) {
    }

    public static final Duration DEFAULT_GRACE_AFTER_DUE = Duration.ofDays(7);

    public static Timeline of(Dataset data, Duration tick, java.util.Optional<Instant> requestedEnd) {
        List<Event> events = new ArrayList<>();
        int seq = 0;
        for (Amendment a : data.amendments()) {
            events.add(new Event(a.at(), Kind.AMENDMENT, seq++, a.commitment()));
        }
        for (ProgressUpdate u : data.progress()) {
            events.add(new Event(u.reportedAt(), Kind.PROGRESS, seq++, u));
        }
        for (NewsSignal n : data.news()) {
            events.add(new Event(n.publishedAt(), Kind.NEWS, seq++, n));
        }
        Instant earliestStart = data.commitments().stream().map(Commitment::startDate).min(Comparator.naturalOrder())
                .map(Timeline::midnight).orElse(null);
        Instant earliestEvent = events.stream().map(Event::at).min(Comparator.naturalOrder()).orElse(null);
        Instant first = Stream.of(earliestStart, earliestEvent).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElseThrow(() -> new DatasetException(List.of("the dataset is empty")));
        Instant start = floor(first, tick);
        for (Commitment c : data.commitments()) {
            events.add(new Event(start, Kind.REGISTRY, seq++, c));
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::kind).thenComparingInt(Event::seq));

        Instant lastEvent = events.get(events.size() - 1).at();
        Instant lastDue = Stream.concat(data.commitments().stream(), data.amendments().stream().map(Amendment::commitment))
                .map(Commitment::dueDate).max(Comparator.naturalOrder())
                .map(d -> midnight(d.plusDays(1)).plus(DEFAULT_GRACE_AFTER_DUE)).orElse(lastEvent);
        Instant end = requestedEnd.orElse(lastEvent.isAfter(lastDue) ? lastEvent : lastDue);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the end " + end + " is before the replay's start " + start);
        }

        List<Step> steps = new ArrayList<>();
        int next = 0;
        int after = 0;
        for (int k = 0; ; k++) {
            Instant tickAt = start.plus(tick.multipliedBy(k));
            List<Event> inStep = new ArrayList<>();
            while (next < events.size() && !events.get(next).at().isAfter(tickAt)) {
                Event e = events.get(next++);
                if (e.at().isAfter(end)) {
                    after++;
                } else {
                    inStep.add(e);
                }
            }
            steps.add(new Step(k, tickAt, List.copyOf(inStep)));
            if (!tickAt.isBefore(end)) {
                break;
            }
        }
        after += events.size() - next;
        return new Timeline(start, steps.get(steps.size() - 1).tickAt(), tick, List.copyOf(steps), after);
    }

    static Instant midnight(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Rounds down to a whole number of ticks since the epoch (midnight UTC for daily ticks). */
    static Instant floor(Instant t, Duration tick) {
        long ms = tick.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }
}
