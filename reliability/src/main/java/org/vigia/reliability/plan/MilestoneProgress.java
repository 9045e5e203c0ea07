package org.vigia.reliability.plan;

import java.util.List;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;

/**
 * Arithmetic on a story's milestones, held by original position: {@code pct[k]} is how far
 * milestone {@code k} has come, {@code weight[k]} its weight, {@code dropped[k]} whether an
 * amendment removed it. Kept apart from {@link CommitmentStory} because none of it draws a
 * random number.
 */
final class MilestoneProgress {
    private MilestoneProgress() {
    }

    /** The commitment's official percentage: the weighted mean of its milestones still listed, floored. */
    static double official(double[] pct, double[] weight, boolean[] dropped) {
        double sum = 0;
        double total = 0;
        for (int k = 0; k < pct.length; k++) {
            if (!dropped[k]) {
                sum += pct[k] * weight[k];
                total += weight[k];
            }
        }
        return total == 0 ? 0 : Math.floor(sum / total);
    }

    /** The first milestone still listed and not done, or -1 when every one is. */
    static int firstOpen(double[] pct, boolean[] dropped) {
        for (int k = 0; k < pct.length; k++) {
            if (!dropped[k] && pct[k] < 100) {
                return k;
            }
        }
        return -1;
    }

    /** The percentage points still to do, summed over the milestones still listed. */
    static double remaining(double[] pct, boolean[] dropped) {
        double r = 0;
        for (int k = 0; k < pct.length; k++) {
            if (!dropped[k]) {
                r += 100 - pct[k];
            }
        }
        return r;
    }

    /** Weights by original milestone position after an amendment (a dropped milestone keeps its slot, unused). */
    static double[] alignWeights(List<Milestone> original, Commitment amended) {
        double[] w = new double[original.size()];
        for (int k = 0; k < original.size(); k++) {
            String mid = original.get(k).id();
            w[k] = amended.milestones().stream().filter(m -> m.id().equals(mid)).mapToDouble(Milestone::weight)
                    .findFirst().orElse(0);
        }
        return w;
    }
}
