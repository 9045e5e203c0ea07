package org.vigia.alerts.topology;

import org.vigia.events.Alert;

/**
 * An alert on its way to one subscriber (the record's key), through the repartition topic
 * that brings every subscriber's alerts to the one task that owns the subscriber.
 *
 * @param alertTimestamp the Kafka timestamp of the alert record, for the alert-to-email latency
 */
public record Routed(Alert alert, long alertTimestamp) implements RouteOutput {
}
