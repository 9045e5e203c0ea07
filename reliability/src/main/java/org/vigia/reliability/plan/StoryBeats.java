package org.vigia.reliability.plan;

import java.util.SplittableRandom;
import org.vigia.reliability.plan.CommitmentStory.Arc;

/**
 * When things happen in one {@link CommitmentStory}, in days from the commitment's start: drawn
 * all at once, before the first report, so the draws come in one fixed order and a seed gives
 * the same plan every time.
 *
 * @param stallFrom     the day a stall begins (STALL_RESUME, CRITICAL_STALL)
 * @param gap           how long the stall lasts
 * @param target        the day the agency means to be done by; the progress steps are sized for it
 * @param overdueCap    the official percentage an OVERDUE commitment stops at
 * @param disputeFrom   the day the CSO starts disputing the agency's figures (DISPUTED)
 * @param disputeTo     the day it stops disputing ({@link Integer#MAX_VALUE}: never)
 * @param amendAt       the day the registry entry is renegotiated (AMENDED; -1: never)
 * @param evidenceNever the closing evidence never comes (EVIDENCE_LATE)
 * @param cadence       days between the agency's reports, before a jitter of up to four
 * @param csoCadence    days between the CSO's reports, before a jitter of up to four
 * @param firstCso      the day of the CSO's first report
 * @param firstReport   the day of the agency's first report
 */
record StoryBeats(int stallFrom, int gap, int target, int overdueCap, int disputeFrom, int disputeTo, int amendAt,
                  boolean evidenceNever, int cadence, int csoCadence, int firstCso, int firstReport) {

    /** Draws every beat from {@code rng}, in the order the plan's reproducibility depends on. */
    static StoryBeats draw(SplittableRandom rng, Arc arc, int period, int limit) {
        int stallFrom = arc == Arc.CRITICAL_STALL ? period * (15 + rng.nextInt(6)) / 100 : period * (25 + rng.nextInt(11)) / 100;
        int gap = arc == Arc.CRITICAL_STALL ? 2 * limit + 5 + rng.nextInt(20) : limit + 15 + rng.nextInt(45);
        int target = period * (85 + rng.nextInt(8)) / 100;
        int overdueCap = 40 + rng.nextInt(31);
        int disputeFrom = period * 30 / 100;
        int disputeTo = rng.nextBoolean() ? period * 65 / 100 : Integer.MAX_VALUE;
        int amendAt = arc == Arc.AMENDED ? period * (40 + rng.nextInt(21)) / 100 : -1;
        boolean evidenceNever = arc == Arc.EVIDENCE_LATE && rng.nextInt(3) == 0;
        int cadence = 21 + rng.nextInt(15);
        int csoCadence = 30 + rng.nextInt(11);
        int firstCso = 30 + rng.nextInt(21);
        int firstReport = 8 + rng.nextInt(17);
        return new StoryBeats(stallFrom, gap, target, overdueCap, disputeFrom, disputeTo, amendAt, evidenceNever, cadence,
                csoCadence, firstCso, firstReport);
    }
}
