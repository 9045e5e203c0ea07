package org.vigia.reliability.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.NewsKind;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;
import org.vigia.ingest.replay.Dataset;

class SyntheticPlanTest {
    @TempDir
    Path dir;

    @Test
    void writesADatasetThatIngestsOwnLoaderAccepts() {
        GeneratedPlan plan = SyntheticPlan.generate(42, 2_000, dir.resolve("plan"));

        Dataset dataset = Dataset.load(plan.folder());

        assertThat(dataset.commitments()).hasSize(2_000);
        assertThat(dataset.progress()).hasSize(plan.updates());
        assertThat(dataset.news()).hasSize(plan.news());
        assertThat(dataset.amendments()).hasSize(plan.amendments());
        assertThat(dataset.commitments().stream().map(c -> c.planId()).distinct()).hasSize(4);
        assertThat(dataset.commitments().stream().map(c -> c.agency()).distinct()).hasSize(12);
        assertThat(dataset.commitments().stream().map(c -> c.sector()).distinct()).hasSize(12);
    }

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedDoesNot() throws IOException {
        SyntheticPlan.generate(7, 300, dir.resolve("a"));
        SyntheticPlan.generate(7, 300, dir.resolve("b"));
        SyntheticPlan.generate(8, 300, dir.resolve("c"));

        for (String file : List.of(Dataset.COMMITMENTS, Dataset.PROGRESS, Dataset.NEWS, Dataset.AMENDMENTS)) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
        assertThat(Files.readAllBytes(dir.resolve("a").resolve(Dataset.PROGRESS)))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("c").resolve(Dataset.PROGRESS)));
    }

    @Test
    void everyStoryIsToldManyTimes() {
        GeneratedPlan plan = SyntheticPlan.generate(42, 2_000, dir.resolve("plan"));

        assertThat(plan.arcs().keySet()).containsExactlyInAnyOrder("STEADY", "STALL_RESUME", "CRITICAL_STALL", "LAGGARD",
                "OVERDUE", "DISPUTED", "EVIDENCE_LATE", "AMENDED");
        assertThat(plan.arcs().values()).allSatisfy(n -> assertThat(n).isGreaterThan(100));
        assertThat(plan.amendments()).isGreaterThan(200);
    }

    @Test
    void reportsComeFromAgenciesCsosAndTheIrmOnDistinctInstantsPerCommitment() {
        GeneratedPlan plan = SyntheticPlan.generate(42, 500, dir.resolve("plan"));
        Dataset dataset = Dataset.load(plan.folder());

        Map<Source, Long> bySource = dataset.progress().stream()
                .collect(Collectors.groupingBy(ProgressUpdate::source, Collectors.counting()));
        assertThat(bySource).containsKeys(Source.AGENCY, Source.CSO, Source.IRM);
        Set<String> instants = new HashSet<>();
        for (ProgressUpdate u : dataset.progress()) {
            assertThat(instants.add(u.commitmentId() + "@" + u.reportedAt())).as(u.updateId()).isTrue();
            assertThat(u.reporter()).isEqualTo(switch (u.source()) {
                case AGENCY -> "agency:" + dataset.commitments().stream().filter(c -> c.id().equals(u.commitmentId()))
                        .findFirst().orElseThrow().agency();
                case CSO -> u.reporter();
                case IRM -> "irm";
            });
        }
        assertThat(plan.reporters()).contains("irm").anyMatch(r -> r.startsWith("cso:")).anyMatch(r -> r.startsWith("agency:"));
    }

    @Test
    void newsClustersCarryEnoughWeightToHeatAnAgencyPastThree() {
        GeneratedPlan plan = SyntheticPlan.generate(42, 200, dir.resolve("plan"));
        Dataset dataset = Dataset.load(plan.folder());

        double peak = 0;
        for (var item : dataset.news()) {
            if (item.kind() != NewsKind.SCANDAL) {
                continue;
            }
            double heat = 0;
            for (var other : dataset.news()) {
                if (other.agencies().contains(item.agencies().get(0)) && !other.publishedAt().isAfter(item.publishedAt())) {
                    double days = (item.publishedAt().toEpochMilli() - other.publishedAt().toEpochMilli()) / 86_400_000.0;
                    heat += other.weight() * Math.pow(0.5, days / 30);
                }
            }
            peak = Math.max(peak, heat);
        }
        assertThat(peak).isGreaterThan(3.5);
    }

    @Test
    void aBurstAddsExactlyTheRequestedReportsOnTheCutOffDay() {
        PlanShape shape = PlanShape.standard().withBurst(50_000);
        GeneratedPlan plan = SyntheticPlan.generate(42, 2_000, shape, dir.resolve("plan"));
        Dataset dataset = Dataset.load(plan.folder());

        List<ProgressUpdate> burst = dataset.progress().stream().filter(u -> u.updateId().contains("-b")).toList();
        assertThat(burst).hasSize(50_000);
        assertThat(plan.burstUpdates()).isEqualTo(50_000);
        assertThat(burst).allSatisfy(u -> assertThat(u.reportedAt().toString()).startsWith(shape.burstDay().toString()));
    }

    @Test
    void refusesSizesAndShapesItCannotTellStoriesWith() {
        assertThatThrownBy(() -> SyntheticPlan.generate(1, 0, dir)).hasMessageContaining("commitments must be from 1");
        assertThatThrownBy(() -> PlanShape.standard().withDays(200)).hasMessageContaining("days must leave room");
        assertThatThrownBy(() -> PlanShape.standard().withPlans(9)).hasMessageContaining("plans must be from 1 to 8");
    }
}
