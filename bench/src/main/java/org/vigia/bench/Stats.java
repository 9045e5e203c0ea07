package org.vigia.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and side-by-side ratios of paired runs. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The ratio a[i]/b[i] of each pair, so drift of the machine between pairs cancels out. */
    static List<Double> ratios(List<Double> a, List<Double> b) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            r.add(a.get(i) / b.get(i));
        }
        return r;
    }

    static String row(String name, List<Double> values, String unit) {
        return String.format("%-44s median %,12.0f %s   (min %,.0f, max %,.0f, n=%d)", name, median(values), unit,
                Collections.min(values), Collections.max(values), values.size());
    }

    static String ratioRow(String name, List<Double> ratios) {
        return String.format("%-44s median %6.2f          (min %.2f, max %.2f, n=%d)", name, median(ratios),
                Collections.min(ratios), Collections.max(ratios), ratios.size());
    }

    static String list(List<Double> values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format("%.2f", v));
        }
        return sb.toString();
    }

    /** The p-th percentile (0–100) by nearest rank. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
