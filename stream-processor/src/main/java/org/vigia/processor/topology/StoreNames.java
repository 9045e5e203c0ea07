package org.vigia.processor.topology;

/** Names of the state stores the query API reads. Changing one orphans its state. */
public final class StoreNames {
    public static final String LEDGER = "commitment-ledger";
    public static final String JUDGE_CLOCK = "judge-clock";
    public static final String AGENCY_HEAT = "agency-heat";
    public static final String HEAT_CLOCK = "heat-clock";
    public static final String STATUS = "commitment-status";
    public static final String SECTOR_ROLLUP = "sector-rollup";
    public static final String AGENCY_ROLLUP = "agency-rollup";
    public static final String ALERT_TIMELINE = "alert-timeline";

    private StoreNames() {
    }
}
