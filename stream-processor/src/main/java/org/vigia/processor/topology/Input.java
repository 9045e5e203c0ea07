package org.vigia.processor.topology;

import org.vigia.events.Commitment;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Tick;

/**
 * One record from any input of the time-judging sub-topology, so that the judge and the news
 * heat each read their inputs merged in the order Kafka Streams picks (by timestamp).
 * A COMMITMENT input with a null commitment is a registry tombstone (withdrawal).
 */
public record Input(Kind kind, Commitment commitment, ProgressUpdate update, Tick tick, NewsSignal news,
                    Membership membership) {

    public enum Kind { COMMITMENT, PROGRESS, TICK, NEWS, MEMBERSHIP }

    public static Input of(Commitment c) {
        return new Input(Kind.COMMITMENT, c, null, null, null, null);
    }

    public static Input of(ProgressUpdate u) {
        return new Input(Kind.PROGRESS, null, u, null, null, null);
    }

    public static Input of(Tick t) {
        return new Input(Kind.TICK, null, null, t, null, null);
    }

    public static Input of(NewsSignal n) {
        return new Input(Kind.NEWS, null, null, null, n, null);
    }

    public static Input of(Membership m) {
        return new Input(Kind.MEMBERSHIP, null, null, null, null, m);
    }
}
