package org.vigia.processor.topology;

/**
 * Tells the news heat (keyed by agency) which commitments an agency has and whether each is
 * unfinished. Sent by the judge only when that changes, through the repartition topic
 * {@code agency-membership}.
 */
public record Membership(String commitmentId, String planId, boolean unfinished, boolean removed) {
}
