package org.vigia.alerts.subscription;

/** When a subscriber hears about an alert: within {@code groupWait}, or in a daily or weekly digest. */
public enum Delivery {
    IMMEDIATE, DAILY, WEEKLY;

    public boolean digest() {
        return this != IMMEDIATE;
    }
}
