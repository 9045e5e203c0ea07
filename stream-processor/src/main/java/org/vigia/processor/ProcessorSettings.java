package org.vigia.processor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.SettingsException;
import org.vigia.processor.topology.Thresholds;

/**
 * The stream-processor's configuration, read from the environment in one place.
 *
 * @param advertisedHost   host:port other instances use to reach this one's query API; empty means
 *                         {@code 127.0.0.1:<bound port>}
 * @param maxTaskIdle      Kafka Streams' {@code max.task.idle.ms}, 0 by default; {@link #IDLE_OFF}
 *                         (-1 ms) with {@code VIGIA_MAX_TASK_IDLE=off}: a task then processes what
 *                         it has buffered without waiting for its empty partitions, which keeps
 *                         the order only for input whose records name what they follow (ingest's
 *                         replay and API); records written to the topics by other means are not
 * @param grace            how far behind stream time time-driven alerts are judged (VIGIA_GRACE)
 * @param rocksDbMemoryMb  the off-heap memory all RocksDB stores of the instance share (block cache
 *                         and memtables)
 * @param rocksDbWriteBufferMb the part of it memtables may take
 * @param cacheMb          Kafka Streams' record cache, where repeated writes to one key coalesce
 */
public record ProcessorSettings(
        KafkaSettings kafka,
        String httpHost,
        int httpPort,
        Thresholds thresholds,
        String applicationId,
        Path stateDir,
        Optional<String> advertisedHost,
        Duration maxTaskIdle,
        Duration commitInterval,
        int streamThreads,
        Duration grace,
        Duration historyRetention,
        int standbyReplicas,
        int rocksDbMemoryMb,
        int rocksDbWriteBufferMb,
        int cacheMb) {

    /** {@code max.task.idle.ms=-1}: never wait for a task's empty partitions. */
    public static final Duration IDLE_OFF = Duration.ofMillis(-1);

    public static ProcessorSettings from(Env env) {
        KafkaSettings kafka = KafkaSettings.from(env);
        Thresholds thresholds = new Thresholds(
                env.integer("VIGIA_STALL_AFTER_DAYS", 90, 1, 3650),
                env.decimal("VIGIA_DISPUTE_POINTS", 25.0, 0.1, 100),
                env.decimal("VIGIA_AT_RISK_MIN_ELAPSED", 0.10, 0, 1),
                env.decimal("VIGIA_HEAT_THRESHOLD", 3.0, 0.01, 1_000_000),
                Duration.ofMillis(Math.round(env.decimal("VIGIA_HEAT_HALF_LIFE_DAYS", 30, 0.01, 3650) * 86_400_000L)));
        String applicationId = env.string("VIGIA_APPLICATION_ID", "vigia-stream-processor");
        if (!applicationId.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new SettingsException("VIGIA_APPLICATION_ID may contain only letters, digits, '.', '_' and '-', was '"
                    + applicationId + "'");
        }
        Optional<String> advertised = env.optional("VIGIA_ADVERTISED_HOST");
        advertised.ifPresent(a -> {
            if (!a.matches("([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5}")) {
                throw new SettingsException("VIGIA_ADVERTISED_HOST must be host:port (an IPv6 address in brackets),"
                        + " was '" + a + "'");
            }
        });
        int rocksDb = env.integer("VIGIA_ROCKSDB_MEMORY_MB", 256, 16, 1_048_576);
        // Half for memtables: with a quarter (64 of 256 MB) the shared write-buffer manager was
        // always full, so every write flushed a tiny memtable and RocksDB's compactions took more
        // CPU than the judge (bench/README, "State growth").
        int writeBuffers = env.integer("VIGIA_ROCKSDB_WRITE_BUFFER_MB", Math.max(8, rocksDb / 2), 4, 1_048_576);
        if (writeBuffers >= rocksDb) {
            throw new SettingsException("VIGIA_ROCKSDB_WRITE_BUFFER_MB must be less than VIGIA_ROCKSDB_MEMORY_MB ("
                    + rocksDb + "), was " + writeBuffers);
        }
        Duration grace = env.duration("VIGIA_GRACE", Duration.ofSeconds(20));
        if (grace.isNegative()) {
            throw new SettingsException("VIGIA_GRACE must not be negative, was " + grace);
        }
        return new ProcessorSettings(
                kafka,
                env.string("VIGIA_HTTP_HOST", "0.0.0.0"),
                env.integer("VIGIA_HTTP_PORT", 8082, 0, 65535),
                thresholds,
                applicationId,
                Path.of(env.string("VIGIA_STATE_DIR", ".vigia/state")),
                advertised,
                maxTaskIdle(env),
                env.duration("VIGIA_COMMIT_INTERVAL", Duration.ofMillis(100)),
                env.integer("VIGIA_STREAM_THREADS", 1, 1, 64),
                grace,
                env.duration("VIGIA_HISTORY_RETENTION", Duration.ofDays(3650)),
                env.integer("VIGIA_STANDBY_REPLICAS", 1, 0, 10),
                rocksDb,
                writeBuffers,
                env.integer("VIGIA_CACHE_MB", 32, 0, 1_048_576));
    }

    private static Duration maxTaskIdle(Env env) {
        String raw = env.optional("VIGIA_MAX_TASK_IDLE").map(String::trim).orElse("0ms");
        if ("off".equalsIgnoreCase(raw)) {
            return IDLE_OFF;
        }
        Duration d = Env.parseDuration(raw);
        if (d == null || d.isNegative()) {
            throw new SettingsException("VIGIA_MAX_TASK_IDLE must be off or a duration such as 0ms or 2s, was '" + raw + "'");
        }
        return d;
    }
}
