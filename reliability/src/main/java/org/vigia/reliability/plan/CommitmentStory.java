package org.vigia.reliability.plan;

import static org.vigia.reliability.plan.MilestoneProgress.alignWeights;
import static org.vigia.reliability.plan.MilestoneProgress.firstOpen;
import static org.vigia.reliability.plan.MilestoneProgress.official;
import static org.vigia.reliability.plan.MilestoneProgress.remaining;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vigia.events.Amendment;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.events.IrmLevel;
import org.vigia.events.Milestone;
import org.vigia.events.Origin;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.RiskFactor;
import org.vigia.events.RiskLevel;
import org.vigia.events.Source;

/**
 * The life of one synthetic commitment: its registry entry, the amendments made to it and
 * every report its agency, a CSO and the IRM file, following one {@link Arc} — the kind of
 * story it tells. Reports fall on distinct instants of the commitment (no milestone gets two
 * reports at the same time) and never name a milestone the registry does not list then.
 */
final class CommitmentStory {
    /** What happens to the commitment, and so which alerts it raises. */
    enum Arc {
        /** Regular progress, completed with evidence before the due date. */
        STEADY,
        /** Progress, a gap longer than the stall limit, then progress again: STALLED, RESUMED. */
        STALL_RESUME,
        /** A gap of twice the stall limit: STALLED escalated to CRITICAL, then RESUMED late, often OVERDUE. */
        CRITICAL_STALL,
        /** Too slow for a tenth of its time and more, then a catch-up: AT_RISK fires and resolves. */
        LAGGARD,
        /** Half done, then only repeats of the same figure past an early due date: STALLED, OVERDUE. */
        OVERDUE,
        /** The CSO's figures 30–40 points below the agency's for a while: DISPUTED. */
        DISPUTED,
        /** 100 % without evidence, the evidence weeks later (or never). */
        EVIDENCE_LATE,
        /** The registry entry is renegotiated: a milestone dropped, a weight lowered or the due date moved: SCOPE_REDUCED. */
        AMENDED
    }

    record Result(Commitment initial, List<Amendment> amendments, List<ProgressUpdate> updates, Arc arc) {
    }

    private static final Arc[] WEIGHTED = weighted();

    private final SplittableRandom rng;
    private final String id;
    private final String agency;
    private final LocalDate start;
    private final int period;
    private final int limit;
    private final String cso;
    private final List<ProgressUpdate> updates = new ArrayList<>();
    private int seq;

    private CommitmentStory(SplittableRandom rng, String id, String agency, LocalDate start, int period, int limit,
                            String cso) {
        this.rng = rng;
        this.cso = cso;
        this.id = id;
        this.agency = agency;
        this.start = start;
        this.period = period;
        this.limit = limit;
    }

    private static Arc[] weighted() {
        Map<Arc, Integer> w = new EnumMap<>(Arc.class);
        w.put(Arc.STEADY, 14);
        w.put(Arc.STALL_RESUME, 18);
        w.put(Arc.CRITICAL_STALL, 8);
        w.put(Arc.LAGGARD, 12);
        w.put(Arc.OVERDUE, 10);
        w.put(Arc.DISPUTED, 14);
        w.put(Arc.EVIDENCE_LATE, 11);
        w.put(Arc.AMENDED, 13);
        List<Arc> all = new ArrayList<>();
        w.forEach((arc, n) -> {
            for (int i = 0; i < n; i++) {
                all.add(arc);
            }
        });
        return all.toArray(Arc[]::new);
    }

    static Result write(SplittableRandom rng, int index, String planId, String country, LocalDate planStart, PlanShape shape,
                        Catalog.Agency agency, String cso) {
        Arc arc = WEIGHTED[rng.nextInt(WEIGHTED.length)];
        String id = planId + "-" + String.format("%04d", index);
        LocalDate start = planStart.plusDays(rng.nextInt(0, 15));
        int period = arc == Arc.OVERDUE ? shape.days() * 6 / 10 + rng.nextInt(0, 30) : shape.days() - 14 - rng.nextInt(0, 30);
        Integer ownStall = rng.nextInt(10) == 0 ? (rng.nextBoolean() ? 60 : 120) : null;
        int limit = ownStall != null ? ownStall : shape.stallAfterDays();
        if (arc == Arc.CRITICAL_STALL && 2 * limit + 40 > period * 8 / 10) {
            ownStall = null;
            limit = shape.stallAfterDays();
        }
        CommitmentStory story = new CommitmentStory(rng, id, agency.code(), start, period, limit, cso);
        int m = 2 + rng.nextInt(4);
        List<Milestone> milestones = new ArrayList<>();
        double[] weights = {1.0, 1.5, 2.0, 3.0};
        for (int k = 0; k < m; k++) {
            milestones.add(new Milestone(id + "-M" + (k + 1), Catalog.ACTIONS.get((index + k) % Catalog.ACTIONS.size()) + " "
                    + agency.topic() + " (etapa " + (k + 1) + ")", weights[rng.nextInt(weights.length)],
                    start.plusDays((long) period * (k + 1) / m)));
        }
        Map<RiskFactor, RiskLevel> risks = new EnumMap<>(RiskFactor.class);
        if (rng.nextInt(3) == 0) {
            risks.put(RiskFactor.BUDGET_CONSTRAINTS, RiskLevel.values()[rng.nextInt(3)]);
            risks.put(RiskFactor.POLITICAL_LEADERSHIP, RiskLevel.values()[rng.nextInt(3)]);
        }
        String title = Catalog.ACTIONS.get(index % Catalog.ACTIONS.size()) + " " + agency.topic() + " · compromiso "
                + index + (index % 97 == 0 ? " (año, población, niñez)" : "");
        Commitment initial = Commitments.of(id, agency.code(), agency.sector()).plan(planId).country(country).title(title)
                .leadCso(index % 3 == 0 ? null : cso).origin(index % 5 == 0 ? Origin.PROACTIVE : Origin.CO_CREATED)
                .runs(start, start.plusDays(period)).stallAfterDays(ownStall).milestones(milestones).risks(risks).build();
        return story.tell(arc, initial, shape, planStart);
    }

    private Result tell(Arc arc, Commitment initial, PlanShape shape, LocalDate planStart) {
        List<Milestone> ms = new ArrayList<>(initial.milestones());
        int n = ms.size();
        double[] pct = new double[n];
        boolean[] dropped = new boolean[n];
        double[] weight = ms.stream().mapToDouble(Milestone::weight).toArray();
        int windowEnd = (int) (planStart.plusDays(shape.days()).toEpochDay() - start.toEpochDay());
        StoryBeats b = StoryBeats.draw(rng, arc, period, limit);

        List<Amendment> amendments = new ArrayList<>();
        Commitment current = initial;
        int nextCso = b.firstCso();
        int completedAt = -1;
        int lastMilestone = -1;
        int day = b.firstReport();
        int end = Math.min(windowEnd - 2, period + 45);
        while (day <= end) {
            if (b.amendAt() >= 0 && day >= b.amendAt() && amendments.isEmpty()) {
                Commitment amended = amend(current, pct, dropped, planStart, shape);
                amendments.add(new Amendment(midnight(b.amendAt()), amended));
                current = amended;
                weight = alignWeights(ms, amended);
            }
            while (nextCso <= day && completedAt < 0) {
                csoReport(nextCso, official(pct, weight, dropped), arc, b.disputeFrom(), b.disputeTo());
                nextCso += b.csoCadence() + rng.nextInt(5);
            }
            boolean complete = completedAt >= 0;
            if (complete) {
                break;
            }
            Action action = action(arc, day, b.stallFrom(), b.gap(), pct, weight, dropped, b.overdueCap());
            int cur = firstOpen(pct, dropped);
            if (action == Action.PROGRESS && cur >= 0) {
                int reportsLeft = Math.max(1, (b.target() - day) / b.cadence());
                double remaining = remaining(pct, dropped);
                double step = arc == Arc.LAGGARD && day < period * 45 / 100 ? 3 + rng.nextInt(4)
                        : Math.max(10, Math.min(60, Math.ceil(remaining / reportsLeft)));
                pct[cur] = Math.min(100, pct[cur] + step);
                boolean last = firstOpen(pct, dropped) < 0;
                boolean withEvidence = pct[cur] >= 100 && !(arc == Arc.EVIDENCE_LATE && last);
                agencyReport(day, ms.get(cur).id(), pct[cur], withEvidence, null);
                lastMilestone = cur;
                if (last) {
                    completedAt = completion(arc, day, end, b.evidenceNever(), ms.get(cur).id());
                }
            } else if (action == Action.REPEAT && lastMilestone >= 0) {
                agencyReport(day, ms.get(lastMilestone).id(), pct[lastMilestone], pct[lastMilestone] >= 100,
                        "Sin cambios desde el último informe");
            }
            day += b.cadence() + rng.nextInt(5);
        }
        if (completedAt >= 0 && completedAt < Integer.MAX_VALUE - 1) {
            confirm(completedAt, end, windowEnd);
        }
        return new Result(initial, amendments, List.copyOf(updates), arc);
    }

    /**
     * When the last milestone, at 100 % on {@code day}, counts as done: that day, or for EVIDENCE_LATE the day its
     * evidence follows (reported here), or {@code Integer.MAX_VALUE - 1} when it never comes within the story.
     */
    private int completion(Arc arc, int day, int end, boolean evidenceNever, String milestoneId) {
        if (arc != Arc.EVIDENCE_LATE) {
            return day;
        }
        int completedAt = -1;
        if (!evidenceNever) {
            int later = day + 14 + rng.nextInt(27);
            if (later <= end) {
                agencyReport(later, milestoneId, 100, true, "Se adjunta la evidencia del cierre");
                completedAt = later;
            }
        }
        if (completedAt < 0) {
            completedAt = Integer.MAX_VALUE - 1;
        }
        return completedAt;
    }

    /** The CSO's verification of a completed commitment, and sometimes the IRM's end-of-term assessment after it. */
    private void confirm(int completedAt, int end, int windowEnd) {
        int confirm = completedAt + 7 + rng.nextInt(20);
        if (confirm <= end + 30 && confirm < windowEnd) {
            report(confirm, Source.CSO, "cso:" + cso, null, 100.0, null, "https://example.org/verificacion/" + id, null);
            if (rng.nextBoolean()) {
                report(confirm + 1, Source.IRM, "irm", null, null, IrmLevel.COMPLETE, "https://example.org/irm/" + id,
                        "Evaluación de fin de término");
            }
        }
    }

    private enum Action { PROGRESS, REPEAT, SILENT }

    private Action action(Arc arc, int day, int stallFrom, int gap, double[] pct, double[] weight, boolean[] dropped,
                          int overdueCap) {
        return switch (arc) {
            case STALL_RESUME, CRITICAL_STALL -> day >= stallFrom && day < stallFrom + gap
                    ? (rng.nextBoolean() ? Action.REPEAT : Action.SILENT) : Action.PROGRESS;
            case OVERDUE -> official(pct, weight, dropped) >= overdueCap ? Action.REPEAT : Action.PROGRESS;
            default -> Action.PROGRESS;
        };
    }

    /** The renegotiated entry: the last milestone dropped if not begun, else its weight halved, or the due date later. */
    private Commitment amend(Commitment c, double[] pct, boolean[] dropped, LocalDate planStart, PlanShape shape) {
        List<Milestone> ms = new ArrayList<>(c.milestones());
        int last = ms.size() - 1;
        int variant = rng.nextInt(3);
        LocalDate latestDue = planStart.plusDays(shape.days() - 7);
        if (variant == 2 && !c.dueDate().plusDays(45).isBefore(latestDue)) {
            variant = 1;
        }
        if (variant == 0 && (ms.size() < 3 || pct[last] > 0)) {
            variant = 1;
        }
        LocalDate due = c.dueDate();
        switch (variant) {
            case 0 -> {
                ms.remove(last);
                dropped[last] = true;
            }
            case 1 -> {
                Milestone m = ms.get(last);
                ms.set(last, new Milestone(m.id(), m.title(), m.weight() / 2, m.dueDate()));
            }
            default -> {
                LocalDate later = due.plusDays(45 + rng.nextInt(46));
                due = later.isAfter(latestDue) ? latestDue : later;
            }
        }
        return c.withMilestones(ms).withDueDate(due);
    }


    private void csoReport(int day, double official, Arc arc, int disputeFrom, int disputeTo) {
        double verified = Math.max(0, official - rng.nextInt(0, 6));
        if (arc == Arc.DISPUTED && day >= disputeFrom && day < disputeTo) {
            verified = Math.max(0, official - 30 - rng.nextInt(11));
        }
        report(day, Source.CSO, "cso:" + cso, null, verified, null, null,
                arc == Arc.DISPUTED && day >= disputeFrom ? "La sociedad civil no puede verificar el avance reportado" : null);
    }

    private void agencyReport(int day, String milestoneId, double percent, boolean evidence, String note) {
        report(day, Source.AGENCY, "agency:" + agency, milestoneId, percent, null,
                evidence ? "https://example.org/evidencia/" + milestoneId : null, note);
    }

    private void report(int day, Source source, String reporter, String milestoneId, Double percent, IrmLevel level,
                        String evidence, String note) {
        int s = seq++;
        Instant at = start.plusDays(day).atTime(9, 0).toInstant(ZoneOffset.UTC)
                .plusSeconds((s * 7L % 480) * 60 + s % 60);
        String prefix = switch (source) {
            case AGENCY -> "a";
            case CSO -> "c";
            case IRM -> "i";
        };
        updates.add(ProgressUpdates.by(source, reporter).id(id + "-" + prefix + s).commitment(id).milestone(milestoneId)
                .percent(percent).level(level).at(at).evidence(evidence).note(note).build());
    }

    private Instant midnight(int day) {
        return start.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
