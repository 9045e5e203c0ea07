package org.vigia.events;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic registry of the wire contract. The prefix ({@code vigia.} by default,
 * {@code VIGIA_TOPIC_PREFIX}) lets several deployments or test runs share one cluster.
 *
 * <p>Every topic states its cleanup and retention for what it holds, none relies on the
 * broker's defaults: record timestamps are event time, often years in the past (a replay,
 * an import, a late report), and time retention compares them with the wall clock, so under
 * the broker's default of 7 days a record dated 2014 is deleted at the next retention check.
 * <ul>
 *   <li>{@code progress}, {@code news}, {@code alerts}: deleted never, neither by age nor by
 *       size ({@code retention.ms=-1}, {@code retention.bytes=-1}); they are the history the
 *       processor re-derives every state, heat and alert from.</li>
 *   <li>{@code clock}: size-bounded, never by age ({@code retention.ms=-1},
 *       {@code retention.bytes} 64 MiB a partition, about a month of live ticks every 10 s).
 *       Ticks only move stream time forward and are useless once read; by size rather than by
 *       age, because a replay's ticks are all dated in the past and time retention would delete
 *       them before a lagging processor had read them.</li>
 *   <li>{@code dead-letter}: size-bounded, never by age (256 MiB a partition): the oldest
 *       rejects go first, whatever their date.</li>
 *   <li>{@code commitments}, {@code commitment-status}, {@code sector-completion}: compacted;
 *       the latest record of each key is kept, whatever its age.</li>
 * </ul>
 * The service kit's topic creator adds {@code min.insync.replicas} from the replication factor.
 */
public final class Topics {
    public static final String DEFAULT_PREFIX = "vigia.";
    public static final long CLOCK_BYTES_PER_PARTITION = 64L * 1024 * 1024;
    public static final long DEAD_LETTER_BYTES_PER_PARTITION = 256L * 1024 * 1024;
    private static final Serde<String> KEY = Serdes.String();
    private static final Map<String, String> COMPACT = Map.of("cleanup.policy", "compact");
    private static final Map<String, String> KEPT_FOREVER =
            Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1");
    private static final Map<String, String> CLOCK = sizeBounded(CLOCK_BYTES_PER_PARTITION);
    private static final Map<String, String> DEAD_LETTERS = sizeBounded(DEAD_LETTER_BYTES_PER_PARTITION);

    public final String prefix;
    public final Topic<String, Commitment> commitments;
    public final Topic<String, ProgressUpdate> progress;
    public final Topic<String, NewsSignal> news;
    public final Topic<String, Tick> clock;
    public final Topic<String, CommitmentStatus> commitmentStatus;
    public final Topic<String, SectorCompletion> sectorCompletion;
    public final Topic<String, Alert> alerts;
    public final Topic<byte[], byte[]> deadLetter;

    public Topics(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
        commitments = topic("commitments", Commitment.class, COMPACT);
        progress = topic("progress", ProgressUpdate.class, KEPT_FOREVER);
        news = topic("news", NewsSignal.class, KEPT_FOREVER);
        clock = topic("clock", Tick.class, CLOCK);
        commitmentStatus = topic("commitment-status", CommitmentStatus.class, COMPACT);
        sectorCompletion = topic("sector-completion", SectorCompletion.class, COMPACT);
        alerts = topic("alerts", Alert.class, KEPT_FOREVER);
        deadLetter = new Topic<>(this.prefix + "dead-letter", Serdes.ByteArray(), Serdes.ByteArray(), DEAD_LETTERS);
    }

    /**
     * Deleted by size only: the oldest segments go once a partition holds more than {@code bytes}.
     * For any topic whose records may carry a timestamp in the past.
     */
    public static Map<String, String> sizeBounded(long bytes) {
        return Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", String.valueOf(bytes),
                "segment.bytes", String.valueOf(Math.max(1024 * 1024, bytes / 8)));
    }

    public static Topics withDefaultPrefix() {
        return new Topics(DEFAULT_PREFIX);
    }

    private <V extends Validated> Topic<String, V> topic(String name, Class<V> type, Map<String, String> config) {
        return new Topic<>(prefix + name, KEY, new JsonSerde<>(type), config);
    }

    /** Every topic of the wire contract, for creation at start-up (the alert service keeps its own). */
    public List<Topic<?, ?>> all() {
        return List.of(commitments, progress, news, clock, commitmentStatus, sectorCompletion, alerts, deadLetter);
    }
}
