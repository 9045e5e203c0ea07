package org.vigia.processor.topology;

/** A registry tombstone as the judge reads it: the commitment leaves the registry. */
public record Withdrawal(String commitmentId) {
}
