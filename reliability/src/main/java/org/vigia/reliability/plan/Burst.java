package org.vigia.reliability.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigia.events.Amendment;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.Source;

/**
 * A cut-off day on which everyone files at once: {@code count} extra reports, each repeating
 * the latest figure its reporter gave for that milestone (or the whole commitment) before the
 * day — updates, not progress, so the plan's stories are unchanged while the processor still
 * applies every one of them. They fall between 00:00 and 09:00, before any regular report of
 * the day, on instants of their own.
 */
final class Burst {
    private Burst() {
    }

    static List<ProgressUpdate> write(LocalDate day, int count, List<CommitmentStory.Result> stories, String idPrefix) {
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<List<ProgressUpdate>> slots = new ArrayList<>();
        for (CommitmentStory.Result story : stories) {
            Commitment inForce = versionAt(story, dayStart);
            Map<String, ProgressUpdate> latest = new HashMap<>();
            for (ProgressUpdate u : story.updates()) {
                if (u.reportedAt().isBefore(dayStart) && u.percent() != null && u.source() != Source.IRM
                        && (u.milestoneId() == null || hasMilestone(inForce, u.milestoneId()))) {
                    latest.put(u.milestoneId() + "|" + u.source(), u);
                }
            }
            slots.add(new ArrayList<>(latest.values()));
            slots.get(slots.size() - 1).sort((a, b) -> a.updateId().compareTo(b.updateId()));
        }
        List<ProgressUpdate> out = new ArrayList<>(count);
        int[] used = new int[stories.size()];
        boolean any = slots.stream().anyMatch(s -> !s.isEmpty());
        for (int pass = 0; out.size() < count && any; pass++) {
            for (int i = 0; i < stories.size() && out.size() < count; i++) {
                List<ProgressUpdate> s = slots.get(i);
                if (s.isEmpty()) {
                    continue;
                }
                ProgressUpdate base = s.get(pass % s.size());
                int n = used[i]++;
                if (n >= 32_000) {
                    continue;
                }
                out.add(ProgressUpdates.from(base).id(base.commitmentId() + "-" + idPrefix + n).level(null)
                        .at(dayStart.plusSeconds(n)).note("Informe de corte").build());
            }
        }
        return out;
    }

    private static Commitment versionAt(CommitmentStory.Result story, Instant at) {
        Commitment c = story.initial();
        for (Amendment a : story.amendments()) {
            if (!a.at().isAfter(at)) {
                c = a.commitment();
            }
        }
        return c;
    }

    private static boolean hasMilestone(Commitment c, String id) {
        return c.milestones().stream().map(Milestone::id).anyMatch(id::equals);
    }
}
