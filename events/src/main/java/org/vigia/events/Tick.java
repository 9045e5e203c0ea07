package org.vigia.events;

import java.time.Instant;
import java.util.List;

/** A clock tick: time as data (topic {@code vigia.clock}). */
public record Tick(Instant at) implements Validated {
    @Override
    public List<Violation> violations() {
        Rules r = new Rules();
        r.required("at", at);
        return r.result();
    }
}
