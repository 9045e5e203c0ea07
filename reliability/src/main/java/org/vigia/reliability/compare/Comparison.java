package org.vigia.reliability.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A run measured against the clean run of the same input.
 *
 * <ul>
 *   <li>{@code updatesLost}: updates of the input not on {@code vigia.progress} at the end (the driver resends every
 *       refused or failed request until the run's deadline, so these are updates ingest acknowledged and lost, or
 *       never took); {@code ackedLost} is the part ingest had answered 202 for.</li>
 *   <li>{@code alertsLost}: alerts (alertId, status, severity) of the clean run missing from the run;
 *       {@code alertsExtra} the reverse; {@code alertsChanged} same identity, different content.</li>
 *   <li>{@code statusesDiffer}: commitments whose last status (all fields but {@code asOf}) differs, or exists in one run only.</li>
 *   <li>{@code emailsLost}: (recipient, notification) pairs delivered in the clean run and not in this one, except to an
 *       address this run's SMTP server refused for good ({@code emailsRefused}, counted apart).</li>
 *   <li>{@code emailsRepeated}: the same Message-ID delivered to the same recipient more than once (the documented
 *       at-least-once window); {@code emailsDuplicated}: a notification delivered to a recipient in more than one
 *       distinct email (beyond that window).</li>
 * </ul>
 */
public record Comparison(int updatesLost, int ackedLost, int alertsLost, int alertsExtra, int alertsChanged, int statusesDiffer,
                         int emailsLost, int emailsRefused, int emailsRepeated, int emailsDuplicated, int unattributed,
                         int alertCopies) {

    public static Comparison between(RunOutcome clean, RunOutcome run, Set<String> intendedUpdates, Set<String> acked,
                                     Set<String> refusedForGood) {
        int updatesLost = (int) intendedUpdates.stream().filter(u -> !run.updateIds().contains(u)).count();
        int ackedLost = (int) acked.stream().filter(u -> !run.updateIds().contains(u)).count();
        int alertsLost = 0;
        int alertsChanged = 0;
        for (Map.Entry<String, JsonNode> a : clean.alerts().entrySet()) {
            JsonNode other = run.alerts().get(a.getKey());
            if (other == null) {
                alertsLost++;
            } else if (!other.equals(a.getValue())) {
                alertsChanged++;
            }
        }
        int alertsExtra = (int) run.alerts().keySet().stream().filter(k -> !clean.alerts().containsKey(k)).count();
        int statusesDiffer = 0;
        for (Map.Entry<String, JsonNode> s : clean.statuses().entrySet()) {
            if (!Objects.equals(s.getValue(), run.statuses().get(s.getKey()))) {
                statusesDiffer++;
            }
        }
        statusesDiffer += (int) run.statuses().keySet().stream().filter(k -> !clean.statuses().containsKey(k)).count();

        RunOutcome.Attribution expected = clean.attribute();
        RunOutcome.Attribution got = run.attribute();
        int emailsLost = 0;
        int emailsRefused = 0;
        for (String pair : expected.delivered().keySet()) {
            String recipient = pair.substring(0, pair.indexOf(' '));
            if (refusedForGood.contains(recipient)) {
                emailsRefused++;
            } else if (!got.delivered().containsKey(pair)) {
                emailsLost++;
            }
        }
        int duplicated = got.delivered().values().stream().mapToInt(ids -> ids.size() - 1).sum();
        return new Comparison(updatesLost, ackedLost, alertsLost, alertsExtra, alertsChanged, statusesDiffer, emailsLost,
                emailsRefused, got.repeated(), duplicated, got.unattributed(), run.alertCopies());
    }

    /** Anything lost or different: what makes the suite exit non-zero. Repeats of one Message-ID are reported, not failed. */
    public boolean failed() {
        return updatesLost > 0 || alertsLost > 0 || alertsExtra > 0 || alertsChanged > 0 || statusesDiffer > 0 || emailsLost > 0
                || emailsDuplicated > 0;
    }
}
