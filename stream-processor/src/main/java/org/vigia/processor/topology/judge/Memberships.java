package org.vigia.processor.topology.judge;

import java.util.ArrayList;
import java.util.List;
import org.vigia.events.Commitment;
import org.vigia.processor.topology.heat.HeatInput.Membership;

/** What the news heat must learn from one status change: the commitment joined, left or finished at its agency. */
final class Memberships {
    private Memberships() {
    }

    static List<Membership> between(String id, Commitment regBefore, StatusFacts before, Commitment regAfter,
                                    StatusFacts after, long at) {
        List<Membership> out = new ArrayList<>(2);
        boolean was = before != null;
        boolean is = after != null;
        boolean sameAgency = was && is && regBefore.agency().equals(regAfter.agency());
        if (was && !sameAgency) {
            out.add(new Membership(regBefore.agency(), id, regBefore.planId(), false, true, at));
        }
        if (is && (!sameAgency || !regBefore.planId().equals(regAfter.planId())
                || before.unfinished() != after.unfinished())) {
            out.add(new Membership(regAfter.agency(), id, regAfter.planId(), after.unfinished(), false, at));
        }
        return out;
    }
}
