package org.vigia.processor.topology;

import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;

/** What the judge and the news heat emit; split by kind to the output topics. A STATUS with null status is a tombstone. */
public record Emission(Kind kind, CommitmentStatus status, Alert alert, Membership membership) {

    public enum Kind { STATUS, ALERT, MEMBERSHIP }

    public static Emission status(CommitmentStatus s) {
        return new Emission(Kind.STATUS, s, null, null);
    }

    public static Emission alert(Alert a) {
        return new Emission(Kind.ALERT, null, a, null);
    }

    public static Emission membership(Membership m) {
        return new Emission(Kind.MEMBERSHIP, null, null, m);
    }
}
