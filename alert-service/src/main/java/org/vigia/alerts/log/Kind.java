package org.vigia.alerts.log;

/** Why a subscriber is told about an alert. */
public enum Kind {
    /** The first notification of a firing alert. */
    FIRING,
    /** The same firing alert again at a higher severity (a stall at twice its threshold). */
    ESCALATION,
    /** The alert stopped; sent only to subscribers who were sent the firing notification. */
    RESOLVED,
    /** Still firing after {@code repeatInterval} since the last notification about it. */
    REMINDER
}
