package org.vigia.alerts.topology;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.vigia.alerts.AlertMetrics;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.pipeline.AlertPipeline;

/**
 * The alert service as a Kafka Streams application keyed by subscriber:
 * <pre>
 *   alerts ─▶ route ─┬─▶ by-subscriber (repartition, key = subscriber) ─▶ notify [notifications store] ─▶ dead letters
 *                    └─▶ dead letters
 * </pre>
 * Kafka assigns the subscriber partitions, restores each one's delivery log from its changelog
 * (standby replicas keep warm copies), and fences an instance that lost a partition. Every
 * stateful piece is named, so a change of topology does not orphan the delivery log.
 */
public final class AlertTopology {
    /** The delivery log store (changelog {@code <application id>-notifications-changelog}). */
    public static final String NOTIFICATIONS = "notifications";
    /** The repartition topic's name part ({@code <application id>-by-subscriber-repartition}). */
    public static final String BY_SUBSCRIBER = "by-subscriber";

    private AlertTopology() {
    }

    /**
     * @param tick how often each task runs the send side of the pipeline (wall-clock punctuation)
     * @param clock the service's "now" for every decision (group waits, reminders, digests, silences)
     */
    public static Topology build(AlertTopics topics, AlertPipeline pipeline, AlertMetrics metrics, DispatchStatus status,
                                 Clock clock, Duration tick) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NOTIFICATIONS), Serdes.String(),
                        new JsonValueSerde<>(Notification.class))
                .withLoggingEnabled(Map.of("cleanup.policy", "compact", "retention.ms", "-1")));

        KStream<String, RouteOutput> routed = builder
                .stream(topics.alerts(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("alerts"))
                .process(() -> new RouteProcessor(pipeline, metrics, status), Named.as("route"));

        routed.filter((k, v) -> v instanceof DeadLetter, Named.as("route-set-aside"))
                .map((k, v) -> KeyValue.pair(((DeadLetter) v).key(), ((DeadLetter) v).value()), Named.as("route-dead-letter"))
                .to(topics.deadLetter(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("route-dead-letters"));

        routed.filter((k, v) -> v instanceof Routed, Named.as("routed"))
                .mapValues(v -> (Routed) v, Named.as("to-subscriber"))
                .repartition(Repartitioned.<String, Routed>as(BY_SUBSCRIBER)
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonValueSerde<>(Routed.class)))
                .process(() -> new NotifyProcessor(pipeline, metrics, status, clock, tick), Named.as("notify"), NOTIFICATIONS)
                .to(topics.deadLetter(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("notify-dead-letters"));
        return builder.build();
    }
}
