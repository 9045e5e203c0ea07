package org.vigia.kit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka Streams application, run the way every Vigía service runs one: a failed stream
 * thread is replaced, state changes are logged, Kafka Streams' metrics are bound, local state a
 * crash may have left is rebuilt from the changelogs ({@link CleanShutdown}), and {@link #start}
 * returns once the application is RUNNING. {@link #close} leaves the group, so the other
 * instances take over at once, and marks the state as cleanly closed.
 */
public final class StreamsRun implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamsRun.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final CleanShutdown shutdown;

    private StreamsRun(KafkaStreams streams, KafkaStreamsMetrics metrics, CleanShutdown shutdown) {
        this.streams = streams;
        this.metrics = metrics;
        this.shutdown = shutdown;
    }

    /** Starts {@code streams} (not yet started, its state in {@code stateDir}); returns once RUNNING. */
    public static StreamsRun start(KafkaStreams streams, Path stateDir, MeterRegistry registry, Duration timeout) {
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
        CleanShutdown shutdown = new CleanShutdown(stateDir);
        if (shutdown.mustRebuild()) {
            log.warn("the last run did not close its state cleanly: rebuilding {} from the changelogs", stateDir);
            streams.cleanUp();
        }
        shutdown.running();
        streams.start();
        try {
            if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                streams.close(Duration.ofSeconds(10));
                throw new IllegalStateException("Kafka Streams did not reach RUNNING within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
        return new StreamsRun(streams, metrics, shutdown);
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        boolean closed = streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        metrics.close();
        if (closed) {
            shutdown.closedCleanly();
        }
    }
}
