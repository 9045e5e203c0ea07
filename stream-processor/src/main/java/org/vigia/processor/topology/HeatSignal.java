package org.vigia.processor.topology;

import org.vigia.events.Tick;

/**
 * What the judge passes to the news heat through the internal {@code heat-signals} topic: a
 * membership change (keyed by agency, partitioned like the news) or a clock tick the judge
 * read (sent on to the same partition number it came from, so every heat task still sees
 * every tick). Routing the ticks this way keeps the heat out of the judge's sub-topology: the
 * judge then reads only topics ingest writes (commitments, progress, clock), and never waits
 * on a topic the application itself writes.
 */
public record HeatSignal(Membership membership, Tick tick, int partition) {

    public static HeatSignal of(Membership m) {
        return new HeatSignal(m, null, -1);
    }

    public static HeatSignal of(Tick t, int partition) {
        return new HeatSignal(null, t, partition);
    }

    public boolean carriesTick() {
        return tick != null;
    }
}
