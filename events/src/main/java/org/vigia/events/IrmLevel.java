package org.vigia.events;

/** The OGP Independent Reporting Mechanism's completion scale, mapped to percent. */
public enum IrmLevel {
    NOT_STARTED(0), LIMITED(25), SUBSTANTIAL(75), COMPLETE(100);

    private final double percent;

    IrmLevel(double percent) {
        this.percent = percent;
    }

    public double percent() {
        return percent;
    }
}
