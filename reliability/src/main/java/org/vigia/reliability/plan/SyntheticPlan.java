package org.vigia.reliability.plan;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigia.events.Amendment;
import org.vigia.events.Commitment;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;

/**
 * A synthetic set of action plans, written as a replay dataset folder: seeded and
 * deterministic (the same seed, size and shape always give byte-identical files), with
 * thousands of commitments across several plans, twelve agencies and their sectors, milestones
 * with weights, and AGENCY (about monthly), CSO (about every five weeks) and IRM
 * (end-of-term) reports. Each commitment follows one story ({@link CommitmentStory.Arc}) so
 * that every alert type fires many times: stalls and resumes, critical stalls, overdue and
 * at-risk commitments, disputes, completions with and without evidence, renegotiations
 * (amendments that drop a milestone, lower a weight or move the due date later) and news
 * clusters that lift agencies' heat over 3.0. Withdrawals are not part of the dataset format.
 *
 * <pre>
 *   GeneratedPlan plan = SyntheticPlan.generate(42, 2_000, Path.of("target/plan"));
 *   java -jar reliability.jar generate --seed 42 --commitments 2000 --out target/plan
 * </pre>
 */
public final class SyntheticPlan {
    private SyntheticPlan() {
    }

    public static GeneratedPlan generate(long seed, int commitments, Path folder) {
        return generate(seed, commitments, PlanShape.standard(), folder);
    }

    public static GeneratedPlan generate(long seed, int commitments, PlanShape shape, Path folder) {
        if (commitments < 1 || commitments > 1_000_000) {
            throw new IllegalArgumentException("commitments must be from 1 to 1,000,000, was " + commitments);
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<Commitment> registry = new ArrayList<>();
        List<Amendment> amendments = new ArrayList<>();
        List<ProgressUpdate> progress = new ArrayList<>();
        List<CommitmentStory.Result> stories = new ArrayList<>();
        Map<String, Integer> arcs = new TreeMap<>();
        for (int i = 0; i < commitments; i++) {
            int plan = i % shape.plans();
            String country = Catalog.COUNTRIES.get(plan);
            String planId = "SYN-" + country + "-" + shape.start().getYear();
            LocalDate planStart = shape.start().plusDays(7L * plan);
            Catalog.Agency agency = Catalog.AGENCIES.get((i / shape.plans()) % Catalog.AGENCIES.size());
            String cso = Catalog.CSOS.get(i % Catalog.CSOS.size());
            CommitmentStory.Result story = CommitmentStory.write(root.split(), i + 1, planId, country, planStart, shape,
                    agency, cso);
            stories.add(story);
            registry.add(story.initial());
            amendments.addAll(story.amendments());
            progress.addAll(story.updates());
            arcs.merge(story.arc().name(), 1, Integer::sum);
        }
        List<ProgressUpdate> burst = shape.burstUpdates() == 0 ? List.of()
                : Burst.write(shape.burstDay(), shape.burstUpdates(), stories, "b");
        progress.addAll(burst);
        int weeks = shape.days() / 7;
        for (int w = 0; w < weeks && shape.fillerUpdates() > 0; w++) {
            int n = (int) ((long) shape.fillerUpdates() * (w + 1) / weeks - (long) shape.fillerUpdates() * w / weeks);
            progress.addAll(Burst.write(shape.start().plusDays(7L * w + 3), n, stories, "f" + w + "-"));
        }
        List<NewsSignal> news = new ArrayList<>(NewsStory.write(root.split(), shape.start(), shape.days()));

        progress.sort(Comparator.comparing(ProgressUpdate::reportedAt).thenComparing(ProgressUpdate::updateId));
        news.sort(Comparator.comparing(NewsSignal::publishedAt).thenComparing(NewsSignal::id));
        amendments.sort(Comparator.comparing(Amendment::at).thenComparing(a -> a.commitment().id()));
        DatasetFiles.write(folder, registry, amendments, progress, news);

        TreeSet<String> reporters = new TreeSet<>();
        progress.forEach(u -> reporters.add(u.reporter()));
        return new GeneratedPlan(folder, registry.size(), progress.size(), news.size(), amendments.size(), burst.size(),
                arcs, List.copyOf(reporters));
    }
}
