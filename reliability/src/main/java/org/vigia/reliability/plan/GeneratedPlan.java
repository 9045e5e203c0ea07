package org.vigia.reliability.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link SyntheticPlan#generate} wrote.
 *
 * @param folder     the dataset folder (commitments.json, progress.jsonl, news.jsonl, amendments.jsonl)
 * @param arcs       how many commitments tell each story (STALL_RESUME, DISPUTED, …)
 * @param reporters  every principal that files a report ({@code agency:X}, {@code cso:Y}, {@code irm}), sorted
 * @param burstUpdates how many of the updates are the cut-off day's burst
 */
public record GeneratedPlan(Path folder, int commitments, int updates, int news, int amendments, int burstUpdates,
                            Map<String, Integer> arcs, List<String> reporters) {
}
