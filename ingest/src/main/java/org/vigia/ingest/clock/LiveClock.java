package org.vigia.ingest.clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.Tick;
import org.vigia.events.Topic;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.kit.KafkaSettings;

/**
 * The live clock: every {@code interval} of wall time, one {@link Tick} with the wall-clock
 * instant to every partition of {@code vigia.clock}, all partitions in one transaction.
 * This is the only place in ingest where wall time becomes event time: in a replay the
 * dataset's own clock does this job. A failed tick is logged and the next one tries again.
 */
public final class LiveClock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveClock.class);

    private final KafkaSettings kafka;
    private final String instanceId;
    private final Duration interval;
    private final Clock wall;
    private final Counter ticks;
    private final Topic<String, Tick> topic;
    private ScheduledExecutorService scheduler;
    private TransactionalWriter writer;

    public LiveClock(KafkaSettings kafka, String instanceId, Duration interval, Clock wall, MeterRegistry registry) {
        this.kafka = kafka;
        this.instanceId = instanceId;
        this.interval = interval;
        this.wall = wall;
        this.topic = kafka.topics().clock;
        this.ticks = Counter.builder("vigia.ingest.clock.ticks").description("clock ticks written (each one to every partition)")
                .register(registry);
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        writer = new TransactionalWriter(kafka, instanceId, "clock");
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-clock");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("live clock ticking every {} to {}", interval, topic.name());
    }

    private void tick() {
        try {
            Instant at = wall.instant().truncatedTo(ChronoUnit.MILLIS);
            int partitions = writer.partitionsFor(topic.name());
            writer.write(Ticks.forEveryPartition(topic, partitions, at));
            ticks.increment();
        } catch (RuntimeException e) {
            log.warn("clock tick failed, the next one will try again: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
        scheduler = null;
    }
}
