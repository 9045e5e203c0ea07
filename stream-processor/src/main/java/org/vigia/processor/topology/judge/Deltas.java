package org.vigia.processor.topology.judge;

import java.util.ArrayList;
import java.util.List;
import org.vigia.events.Commitment;
import org.vigia.processor.topology.rollup.Rollup;
import org.vigia.processor.topology.rollup.RollupDelta;

/** The roll-up deltas of one status change: for the commitment's sector and its agency, old contribution out, new in. */
final class Deltas {
    private Deltas() {
    }

    static List<RollupDelta> between(Commitment regBefore, StatusFacts before, Commitment regAfter, StatusFacts after,
                                     long at) {
        List<RollupDelta> out = new ArrayList<>(2);
        for (Rollup.Kind kind : Rollup.Kind.values()) {
            String groupBefore = before == null ? null : group(kind, regBefore);
            String groupAfter = after == null ? null : group(kind, regAfter);
            boolean same = groupBefore != null && groupBefore.equals(groupAfter)
                    && regBefore.planId().equals(regAfter.planId());
            if (same) {
                if (before.state() != after.state() || before.completionTenths() != after.completionTenths()
                        || verifiedTenths(before) != verifiedTenths(after) || verified(before) != verified(after)) {
                    out.add(new RollupDelta(regAfter.planId(), kind, groupAfter, 0, before.state(), after.state(),
                            after.completionTenths() - before.completionTenths(),
                            verifiedTenths(after) - verifiedTenths(before), verified(after) - verified(before), at));
                }
                continue;
            }
            if (groupBefore != null) {
                out.add(new RollupDelta(regBefore.planId(), kind, groupBefore, -1, before.state(), null,
                        -before.completionTenths(), -verifiedTenths(before), -verified(before), at));
            }
            if (groupAfter != null) {
                out.add(new RollupDelta(regAfter.planId(), kind, groupAfter, 1, null, after.state(),
                        after.completionTenths(), verifiedTenths(after), verified(after), at));
            }
        }
        return out;
    }

    private static String group(Rollup.Kind kind, Commitment c) {
        return kind == Rollup.Kind.SECTOR ? c.sector() : c.agency();
    }

    private static long verifiedTenths(StatusFacts f) {
        return f.verifiedCompletion() == null ? 0 : Math.round(f.verifiedCompletion() * 10);
    }

    private static int verified(StatusFacts f) {
        return f.verifiedCompletion() == null ? 0 : 1;
    }
}
