package org.vigia.processor.topology;

import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.Tick;

/**
 * What the judge and the news heat emit; split by kind to the output topics. A STATUS with null
 * status is a tombstone; a HEAT emission goes to the news heat (a membership change or a tick).
 */
public record Emission(Kind kind, CommitmentStatus status, Alert alert, HeatSignal heat) {

    public enum Kind { STATUS, ALERT, HEAT }

    public static Emission status(CommitmentStatus s) {
        return new Emission(Kind.STATUS, s, null, null);
    }

    public static Emission alert(Alert a) {
        return new Emission(Kind.ALERT, null, a, null);
    }

    public static Emission membership(Membership m) {
        return new Emission(Kind.HEAT, null, null, HeatSignal.of(m));
    }

    public static Emission tick(Tick t, int partition) {
        return new Emission(Kind.HEAT, null, null, HeatSignal.of(t, partition));
    }
}
