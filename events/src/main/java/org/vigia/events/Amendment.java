package org.vigia.events;

import java.time.Instant;
import java.util.List;

/** A registry change during a plan, as a replay dataset's {@code amendments.jsonl} line. */
public record Amendment(Instant at, Commitment commitment) implements Validated {
    @Override
    public List<Violation> violations() {
        Rules r = new Rules();
        r.required("at", at);
        if (r.required("commitment", commitment)) {
            r.nested("commitment", commitment.violations());
        }
        return r.result();
    }
}
