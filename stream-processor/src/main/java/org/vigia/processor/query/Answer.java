package org.vigia.processor.query;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the query API answers, with how fresh it is: {@code stale} when some of it came from a
 * standby replica or a store still restoring (while an instance is gone), with how many records
 * that copy is behind; {@code missingPartitions} for a list that no reachable instance could
 * answer in full.
 */
public record Answer<T>(T value, boolean stale, long lagRecords, Set<Integer> missingPartitions) {

    public static <T> Answer<T> fresh(T value) {
        return new Answer<>(value, false, 0, Set.of());
    }

    public Answer {
        missingPartitions = Set.copyOf(new TreeSet<>(missingPartitions));
    }

    public <U> Answer<U> map(java.util.function.Function<T, U> f) {
        return new Answer<>(f.apply(value), stale, lagRecords, missingPartitions);
    }
}
