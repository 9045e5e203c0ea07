package org.vigia.alerts.topology;

/** What the route stage emits for an alert: one {@link Routed} per subscriber, or a {@link DeadLetter}. */
public sealed interface RouteOutput permits Routed, DeadLetter {
}
