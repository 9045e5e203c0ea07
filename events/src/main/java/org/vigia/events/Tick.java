package org.vigia.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A clock tick: time as data (topic {@code vigia.clock}).
 *
 * <p>{@code afterProgress} and {@code afterCommitments} (optional) name the offset of the last
 * record the tick's writer wrote, before the tick, to the partition of {@code vigia.progress}
 * and of {@code vigia.commitments} with the tick's own partition number. The processor holds
 * such a tick until it has read those offsets, so a tick never overtakes the records it follows,
 * however the three partitions are fetched. A tick without them (the live clock's) is applied
 * as soon as it is read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tick(Instant at, Long afterProgress, Long afterCommitments) implements Validated {
    public Tick(Instant at) {
        this(at, null, null);
    }

    /** True when the tick names records it must not overtake. */
    public boolean follows() {
        return afterProgress != null || afterCommitments != null;
    }

    @Override
    public List<Violation> violations() {
        Rules r = new Rules();
        r.required("at", at);
        r.nonNegative("afterProgress", afterProgress);
        r.nonNegative("afterCommitments", afterCommitments);
        return r.result();
    }
}
