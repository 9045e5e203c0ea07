package org.vigia.reliability.determinism;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigia.events.Topics;
import org.vigia.reliability.kafka.TopicSnapshot;

/**
 * The processor's output topics of one run, per key: every committed record of
 * {@code vigia.alerts} and {@code vigia.commitment-status} (read_committed), as the bytes
 * written, in offset order. Two runs of one input are equal when each key has the same
 * records, byte for byte — alert ids, dates and details included.
 */
record ProcessorOutput(Map<String, List<byte[]>> alerts, Map<String, List<byte[]>> statuses) {

    static ProcessorOutput read(String bootstrap, Topics topics) {
        return new ProcessorOutput(perKey(bootstrap, topics.alerts.name()), perKey(bootstrap, topics.commitmentStatus.name()));
    }

    private static Map<String, List<byte[]>> perKey(String bootstrap, String topic) {
        return new TreeMap<>(TopicSnapshot.byKey(bootstrap, topic, v -> v));
    }

    int alertRecords() {
        return alerts.values().stream().mapToInt(List::size).sum();
    }

    int statusRecords() {
        return statuses.values().stream().mapToInt(List::size).sum();
    }

    /** The keys whose records differ between the two runs (or exist in one only), each with the first difference. */
    static List<String> differences(String what, Map<String, List<byte[]>> a, Map<String, List<byte[]>> b) {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            List<byte[]> x = a.getOrDefault(key, List.of());
            List<byte[]> y = b.getOrDefault(key, List.of());
            if (x.size() != y.size()) {
                out.add(what + " " + key + ": " + x.size() + " records vs " + y.size() + firstDifference(x, y));
                continue;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!Arrays.equals(x.get(i), y.get(i))) {
                    out.add(what + " " + key + ": record " + i + " differs: " + text(x.get(i)) + " vs " + text(y.get(i)));
                    break;
                }
            }
        }
        return out;
    }

    private static String firstDifference(List<byte[]> x, List<byte[]> y) {
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            byte[] p = i < x.size() ? x.get(i) : null;
            byte[] q = i < y.size() ? y.get(i) : null;
            if (p == null || q == null || !Arrays.equals(p, q)) {
                return "; first difference at " + i + ": " + text(p) + " vs " + text(q);
            }
        }
        return "";
    }

    private static String text(byte[] value) {
        return Objects.toString(value == null ? null : new String(value, StandardCharsets.UTF_8));
    }
}
