package org.vigia.processor.topology;

/** Names of the state stores (and so of their changelog topics). Changing one orphans its state. */
public final class StoreNames {
    // The judge (keyed by commitment id).
    public static final String REGISTRY = "commitment-registry";
    public static final String LEDGER = "commitment-ledger";
    public static final String DUE_INDEX = "due-index";
    public static final String JUDGE_CLOCK = "judge-clock";
    /** Ticks read before the records they follow, until those are read (see {@code InputGate}). */
    public static final String HELD_TICKS = "judge-held-ticks";
    /** Reports and registry versions read before the records they follow (see {@code InputGate}). */
    public static final String HELD_RECORDS = "judge-held-records";
    /** Every report, keyed by (commitment, reporter, updateId): the history, and exact idempotency. */
    public static final String REPORTS = "commitment-reports";
    public static final String SERIES = "commitment-series";
    public static final String COMMITMENT_ALERTS = "commitment-alerts";
    public static final String ALERT_LOG = "alert-log";
    /** Roll-up deltas summed per (roll-up, day) until the next flush (see {@code PendingRollups}). */
    public static final String ROLLUP_PENDING = "judge-rollup-pending";
    // The news heat (keyed by agency).
    public static final String AGENCY_HEAT = "agency-heat";
    public static final String AGENCY_MEMBERS = "agency-members";
    public static final String HEAT_PENDING = "heat-pending";
    public static final String HEAT_SEEN = "heat-seen-news";
    public static final String HEAT_WATERMARKS = "heat-watermarks";
    public static final String AGENCY_ALERT_LOG = "agency-alert-log";
    // The roll-ups (keyed by plan and sector or agency).
    public static final String ROLLUPS = "rollups";
    public static final String ROLLUP_DAILY = "rollup-daily";

    private StoreNames() {
    }
}
