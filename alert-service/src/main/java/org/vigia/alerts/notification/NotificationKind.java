package org.vigia.alerts.notification;

/** Why a subscriber is told about an alert. */
public enum NotificationKind {
    /** The first notification of an episode that opened (STALLED, OVERDUE, AT_RISK, DISPUTED, SENSITIVITY_SPIKE). */
    FIRING,
    /** The same open episode again at a higher severity (a stall at twice its threshold). */
    ESCALATION,
    /** A one-off notice (RESUMED, COMPLETED, SCOPE_REDUCED): told once, never reminded, never resolved. */
    NOTICE,
    /** The episode is still open {@code repeatInterval} after the last email about it. */
    REMINDER,
    /** The episode closed; sent only to subscribers who were sent its opening. */
    RESOLVED;

    /** A notification that tells of an episode opening (or escalating): what a resolution answers. */
    public boolean opening() {
        return this == FIRING || this == ESCALATION;
    }
}
