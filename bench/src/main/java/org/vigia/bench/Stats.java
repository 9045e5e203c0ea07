package org.vigia.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and side-by-side ratios of paired runs; percentiles of latency samples. */
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

    /** The latencies, in ms, of the samples scheduled in [from, to) (nanos). */
    static List<Double> window(List<double[]> samples, long from, long to) {
        return new ArrayList<>(samples).stream().filter(v -> v[0] >= from && v[0] < to).map(v -> v[1]).toList();
    }

    /** p50 and p99 of the samples sent in each 10 s of the run: warming up and falling behind look different. */
    static void byTenSeconds(List<double[]> samples, long t0, int seconds) {
        StringBuilder sb = new StringBuilder("by send time:");
        for (int from = 0; from < seconds; from += 10) {
            List<Double> slice = window(samples, t0 + from * 1_000_000_000L, t0 + (from + 10) * 1_000_000_000L);
            if (!slice.isEmpty()) {
                sb.append(String.format("%n  %3d–%3d s  p50 %,6.0f ms  p99 %,6.0f ms", from, Math.min(seconds, from + 10),
                        Stats.percentile(slice, 50), Stats.percentile(slice, 99)));
            }
        }
        System.out.println(sb);
    }

    static void latencyRow(String name, List<Double> millis, int samples, int missing) {
        if (millis.isEmpty()) {
            System.out.printf("%-40s no samples (%d missing)%n", name, missing);
            return;
        }
        List<Double> values = new ArrayList<>(millis);
        System.out.printf("%-40s n=%d (missing %d)  p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  max %.0f ms%n", name,
                samples, missing, Stats.percentile(values, 50), Stats.percentile(values, 95),
                Stats.percentile(values, 99), Collections.max(values));
    }
}
