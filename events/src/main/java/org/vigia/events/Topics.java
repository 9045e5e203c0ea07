package org.vigia.events;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic registry of the wire contract. The prefix ({@code vigia.} by default,
 * {@code VIGIA_TOPIC_PREFIX}) lets several deployments or test runs share one cluster.
 */
public final class Topics {
    public static final String DEFAULT_PREFIX = "vigia.";
    private static final Serde<String> KEY = Serdes.String();
    private static final Map<String, String> COMPACT = Map.of("cleanup.policy", "compact");
    private static final Map<String, String> LONG_RETENTION = Map.of("cleanup.policy", "delete", "retention.ms", "-1");
    private static final Map<String, String> DELETE = Map.of("cleanup.policy", "delete");
    private static final Map<String, String> SHORT_RETENTION =
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 3600 * 1000));

    public final String prefix;
    public final Topic<String, Commitment> commitments;
    public final Topic<String, ProgressUpdate> progress;
    public final Topic<String, NewsSignal> news;
    public final Topic<String, Tick> clock;
    public final Topic<String, CommitmentStatus> commitmentStatus;
    public final Topic<String, SectorCompletion> sectorCompletion;
    public final Topic<String, Alert> alerts;
    public final Topic<byte[], byte[]> deadLetter;
    public final Topic<String, byte[]> silences;
    public final Topic<String, byte[]> notificationLog;

    public Topics(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
        commitments = topic("commitments", Commitment.class, COMPACT);
        progress = topic("progress", ProgressUpdate.class, LONG_RETENTION);
        news = topic("news", NewsSignal.class, DELETE);
        clock = topic("clock", Tick.class, SHORT_RETENTION);
        commitmentStatus = topic("commitment-status", CommitmentStatus.class, COMPACT);
        sectorCompletion = topic("sector-completion", SectorCompletion.class, COMPACT);
        alerts = topic("alerts", Alert.class, DELETE);
        deadLetter = new Topic<>(this.prefix + "dead-letter", Serdes.ByteArray(), Serdes.ByteArray(), DELETE);
        silences = new Topic<>(this.prefix + "silences", KEY, Serdes.ByteArray(), COMPACT);
        notificationLog = new Topic<>(this.prefix + "notification-log", KEY, Serdes.ByteArray(), COMPACT);
    }

    public static Topics withDefaultPrefix() {
        return new Topics(DEFAULT_PREFIX);
    }

    private <V extends Validated> Topic<String, V> topic(String name, Class<V> type, Map<String, String> config) {
        return new Topic<>(prefix + name, KEY, new JsonSerde<>(type), config);
    }

    /** Every topic Vigía uses, for creation at start-up. */
    public List<Topic<?, ?>> all() {
        return List.of(commitments, progress, news, clock, commitmentStatus, sectorCompletion, alerts, deadLetter,
                silences, notificationLog);
    }
}
