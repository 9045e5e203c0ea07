package org.vigia.events;

import java.time.Instant;
import java.util.List;

/** One news item matched to agencies (topic {@code vigia.news}, keyed by agency code). */
public record NewsSignal(
        String id,
        Instant publishedAt,
        String outlet,
        String title,
        String url,
        List<String> agencies,
        List<String> keywords,
        NewsKind kind,
        Double weight) implements Validated {

    public NewsSignal {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    @Override
    public List<Violation> violations() {
        Rules r = new Rules();
        r.matches("id", id, Rules.UPDATE_ID, true);
        r.required("publishedAt", publishedAt);
        r.requiredText("outlet", outlet, 200);
        r.requiredText("title", title, 1000);
        r.httpUrl("url", url, true);
        if (agencies.isEmpty()) {
            r.fail("agencies", "must name at least one agency");
        }
        for (int i = 0; i < agencies.size(); i++) {
            r.matches("agencies[" + i + "]", agencies.get(i), Rules.AGENCY, true);
        }
        r.required("kind", kind);
        if (r.required("weight", weight)) {
            r.positive("weight", weight);
        }
        return r.result();
    }
}
