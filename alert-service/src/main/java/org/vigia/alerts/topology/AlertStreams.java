package org.vigia.alerts.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.kit.KafkaSettings;

/**
 * The Kafka Streams runtime of the alert service: exactly-once v2 (the delivery log, the
 * notifications it produces and the offsets that caused them commit in one transaction; an
 * instance fenced out of the group cannot commit), standby replicas for a fast takeover, and
 * the endpoint other instances use to read this one's delivery log.
 */
public final class AlertStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertStreams.class);

    /** How the runtime is configured, beside the topology. */
    public record Config(KafkaSettings kafka, String applicationId, String stateDir, HostInfo self, int standbyReplicas,
                         Duration commitInterval, String deadLetterTopic) {
    }

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;

    private AlertStreams(KafkaStreams streams, KafkaStreamsMetrics metrics) {
        this.streams = streams;
        this.metrics = metrics;
    }

    /** Starts the topology and returns once it is RUNNING (its tasks assigned and their stores restored). */
    public static AlertStreams start(Topology topology, Config config, MeterRegistry registry) {
        KafkaStreams streams = new KafkaStreams(topology, properties(config));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            log.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        streams.start();
        try {
            if (!running.await(2, TimeUnit.MINUTES)) {
                streams.close(Duration.ofSeconds(10));
                throw new IllegalStateException("Kafka Streams did not reach RUNNING within 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
        return new AlertStreams(streams, metrics);
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
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        metrics.close();
    }
}
