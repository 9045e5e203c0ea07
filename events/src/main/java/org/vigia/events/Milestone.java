package org.vigia.events;

import java.time.LocalDate;
import java.util.List;

/** One step of a commitment; its weight (default 1) sets its share of the completion. */
public record Milestone(String id, String title, Double weight, LocalDate dueDate) implements Validated {

    public Milestone {
        weight = weight == null ? 1.0 : weight;
    }

    @Override
    public List<Violation> violations() {
        Rules r = new Rules();
        r.matches("id", id, Rules.ID, true);
        r.requiredText("title", title, 300);
        r.positive("weight", weight);
        return r.result();
    }
}
