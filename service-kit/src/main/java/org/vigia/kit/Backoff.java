package org.vigia.kit;

import java.time.Duration;

/**
 * Exponential backoff, the one every service uses: {@code base × 2^doublings}, at most
 * {@code max}, without overflowing however many doublings are asked for.
 */
public final class Backoff {
    private Backoff() {
    }

    public static Duration exponential(Duration base, int doublings, Duration max) {
        if (doublings < 0) {
            throw new IllegalArgumentException("doublings must not be negative, was " + doublings);
        }
        int shift = Math.min(doublings, 40);
        if (base.isZero() || base.compareTo(max.dividedBy(1L << shift)) > 0) {
            return base.isZero() ? Duration.ZERO : max;
        }
        return base.multipliedBy(1L << shift);
    }
}
