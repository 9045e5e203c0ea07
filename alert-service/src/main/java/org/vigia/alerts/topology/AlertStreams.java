package org.vigia.alerts.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.StreamsRun;

/**
 * The Kafka Streams runtime of the alert service: exactly-once v2 (the delivery log, the
 * notifications it produces and the offsets that caused them commit in one transaction; an
 * instance fenced out of the group cannot commit), standby replicas for a fast takeover, and
 * the endpoint other instances use to read this one's delivery log.
 */
public final class AlertStreams implements AutoCloseable {
    /** How the runtime is configured, beside the topology. */
    public record Config(KafkaSettings kafka, String applicationId, String stateDir, HostInfo self, int standbyReplicas,
                         Duration commitInterval, String deadLetterTopic) {
    }

    private final StreamsRun run;
    private final KafkaStreams streams;

    private AlertStreams(StreamsRun run) {
        this.run = run;
        this.streams = run.streams();
    }

    /** Starts the topology and returns once it is RUNNING (its tasks assigned and their stores restored). */
    public static AlertStreams start(Topology topology, Config config, MeterRegistry registry) {
        KafkaStreams streams = new KafkaStreams(topology, properties(config));
        return new AlertStreams(StreamsRun.start(streams, Path.of(config.stateDir()), registry, Duration.ofMinutes(2)));
    }

    private static Properties properties(Config c) {
        Properties props = new Properties();
        props.putAll(c.kafka().clientProperties(Map.of(
                StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) c.kafka().replicationFactor(),
                StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, c.standbyReplicas())));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, c.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, c.commitInterval().toMillis());
        props.put(StreamsConfig.STATE_DIR_CONFIG, c.stateDir());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, c.self().host() + ":" + c.self().port());
        // What a stage of ours does not catch still goes to the dead-letter topic and never stops the intake.
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, c.deadLetterTopic());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        return props;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** RUNNING, or REBALANCING (still serving what it has). */
    public boolean running() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    /** Graceful stop: the tasks commit what they did and leave the group, so others take over at once. */
    @Override
    public void close() {
        run.close();
    }
}
