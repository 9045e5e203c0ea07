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
                         int alertCopies, java.util.List<String> examples) {

    public static Comparison between(RunOutcome clean, RunOutcome run, Set<String> intendedUpdates, Set<String> acked,
                                     Set<String> refusedForGood) {
        int updatesLost = (int) intendedUpdates.stream().filter(u -> !run.updateIds().contains(u)).count();
        int ackedLost = (int) acked.stream().filter(u -> !run.updateIds().contains(u)).count();
        java.util.List<String> examples = new java.util.ArrayList<>();
        int alertsLost = 0;
        int alertsChanged = 0;
        for (Map.Entry<String, JsonNode> a : clean.alerts().entrySet()) {
            JsonNode other = run.alerts().get(a.getKey());
            if (other == null) {
                if (alertsLost++ < 2) {
                    examples.add("alert lost: " + a.getValue());
                }
            } else if (!other.equals(a.getValue())) {
                if (alertsChanged++ < 2) {
                    examples.add("alert changed: clean " + a.getValue() + "\n        run   " + other);
                }
            }
        }
        int alertsExtra = 0;
        for (Map.Entry<String, JsonNode> a : run.alerts().entrySet()) {
            if (!clean.alerts().containsKey(a.getKey()) && alertsExtra++ < 2) {
                examples.add("alert extra: " + a.getValue());
            }
        }
        int statusesDiffer = 0;
        for (Map.Entry<String, JsonNode> s : clean.statuses().entrySet()) {
            if (!Objects.equals(s.getValue(), run.statuses().get(s.getKey()))) {
                if (statusesDiffer++ < 2) {
                    examples.add("status differs: clean " + s.getValue() + "\n        run   " + run.statuses().get(s.getKey()));
                }
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
                if (emailsLost++ < 2) {
                    examples.add("email lost: " + pair);
                }
            }
        }
        int duplicated = got.delivered().values().stream().mapToInt(ids -> ids.size() - 1).sum();
        return new Comparison(updatesLost, ackedLost, alertsLost, alertsExtra, alertsChanged, statusesDiffer, emailsLost,
                emailsRefused, got.repeated(), duplicated, got.unattributed(), run.alertCopies(), examples);
    }

    /** Anything lost or different: what makes the suite exit non-zero. Repeats of one Message-ID are reported, not failed. */
    public boolean failed() {
        return updatesLost > 0 || alertsLost > 0 || alertsExtra > 0 || alertsChanged > 0 || statusesDiffer > 0 || emailsLost > 0
                || emailsDuplicated > 0;
    }
}
