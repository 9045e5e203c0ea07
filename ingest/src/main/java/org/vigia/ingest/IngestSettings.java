package org.vigia.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.vigia.ingest.kafka.InstanceId;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.SettingsException;

/**
 * Everything the ingest service reads from the environment, in one place.
 *
 * @param kafka          {@code KAFKA_BOOTSTRAP_SERVERS}, {@code VIGIA_TOPIC_PREFIX}, {@code VIGIA_PARTITIONS},
 *                       {@code VIGIA_REPLICATION_FACTOR} and the {@code KAFKA_*} pass-through
 * @param httpHost       {@code VIGIA_HTTP_HOST} (default {@code 0.0.0.0})
 * @param httpPort       {@code VIGIA_HTTP_PORT} (default 8081; 0 binds any free port)
 * @param tokensFile     {@code VIGIA_TOKENS_FILE}: the YAML tokens file; without it every write is 401
 * @param feedsFile      {@code VIGIA_FEEDS_FILE}: the YAML feeds and keyword file; without it no poller runs
 * @param clockEnabled   {@code VIGIA_CLOCK_ENABLED} (default true): emit wall-clock ticks to {@code vigia.clock}
 * @param clockInterval  {@code VIGIA_CLOCK_INTERVAL} (default 10s): the live clock's cadence
 * @param maxBodyBytes   {@code VIGIA_MAX_BODY_BYTES} (default 1 MiB): larger request bodies get 413
 * @param maxFutureSkew  {@code VIGIA_MAX_FUTURE_SKEW} (default 5m): how far ahead of the server clock a
 *                       {@code reportedAt} or a pushed news item's {@code publishedAt} may be before it is
 *                       refused with 400
 * @param instanceId     {@code VIGIA_INSTANCE_ID} (default: the host name): part of every transactional id;
 *                       the same across restarts of one instance, different for instances running together
 * @param rateLimit      {@code VIGIA_RATE_LIMIT} (default 20): write requests per second per token, 0 = no limit
 * @param rateBurst      {@code VIGIA_RATE_BURST} (default 40): requests a token may send at once before the
 *                       limit applies
 * @param maxNewsWeight  {@code VIGIA_MAX_NEWS_WEIGHT} (default 3.0, the default heat threshold): the largest
 *                       {@code weight} of a news item pushed through the API
 * @param commitLinger   {@code VIGIA_COMMIT_LINGER} (default 2ms): how long a transaction waits for more
 *                       queued requests to join it
 * @param commitMaxRecords {@code VIGIA_COMMIT_MAX_RECORDS} (default 20000): records a transaction collects at most
 *                       (a larger request still goes whole into one)
 */
public record IngestSettings(
        KafkaSettings kafka,
        String httpHost,
        int httpPort,
        Optional<Path> tokensFile,
        Optional<Path> feedsFile,
        boolean clockEnabled,
        Duration clockInterval,
        int maxBodyBytes,
        Duration maxFutureSkew,
        String instanceId,
        double rateLimit,
        int rateBurst,
        double maxNewsWeight,
        Duration commitLinger,
        int commitMaxRecords) {

    public static final int DEFAULT_MAX_BODY = 1024 * 1024;

    public static IngestSettings from(Env env) {
        Duration clockInterval = env.duration("VIGIA_CLOCK_INTERVAL", Duration.ofSeconds(10));
        if (clockInterval.toMillis() < 10) {
            throw new SettingsException("VIGIA_CLOCK_INTERVAL must be at least 10ms, was '" + env.string("VIGIA_CLOCK_INTERVAL", "") + "'");
        }
        return new IngestSettings(
                KafkaSettings.from(env),
                env.string("VIGIA_HTTP_HOST", "0.0.0.0"),
                env.integer("VIGIA_HTTP_PORT", 8081, 0, 65535),
                env.existingFile("VIGIA_TOKENS_FILE"),
                env.existingFile("VIGIA_FEEDS_FILE"),
                env.bool("VIGIA_CLOCK_ENABLED", true),
                clockInterval,
                env.integer("VIGIA_MAX_BODY_BYTES", DEFAULT_MAX_BODY, 1024, 256 * 1024 * 1024),
                env.duration("VIGIA_MAX_FUTURE_SKEW", Duration.ofMinutes(5)),
                InstanceId.from(env),
                env.decimal("VIGIA_RATE_LIMIT", 20, 0, 1_000_000),
                env.integer("VIGIA_RATE_BURST", 40, 1, 1_000_000),
                env.decimal("VIGIA_MAX_NEWS_WEIGHT", 3.0, 0.001, 1_000_000),
                env.duration("VIGIA_COMMIT_LINGER", Duration.ofMillis(2)),
                env.integer("VIGIA_COMMIT_MAX_RECORDS", 20_000, 1, 10_000_000));
    }
}
