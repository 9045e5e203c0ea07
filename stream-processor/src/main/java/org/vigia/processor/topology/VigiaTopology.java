package org.vigia.processor.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.Topic;
import org.vigia.events.Topics;
import org.vigia.processor.topology.heat.AgencyHeat;
import org.vigia.processor.topology.heat.HeatInput;
import org.vigia.processor.topology.heat.HeatProcessor;
import org.vigia.processor.topology.judge.CommitmentJudge;
import org.vigia.processor.topology.judge.HeldRecord;
import org.vigia.processor.topology.judge.HistoryEntry;
import org.vigia.processor.topology.judge.JudgeOutput;
import org.vigia.processor.topology.judge.LedgerCodec;
import org.vigia.processor.topology.judge.RegistryCodec;
import org.vigia.processor.topology.judge.SeriesPoint;
import org.vigia.processor.topology.rollup.Rollup;
import org.vigia.processor.topology.rollup.RollupHistory;

/**
 * The Vigía topology, a pure function of its settings. Three sub-topologies, and no task reads
 * a topic it feeds:
 *
 * <pre>
 * commitments ─┐                      ┌─▶ commitment-status
 * progress ────┼─▶ commitment-judge ──┼─▶ alerts ◀───────────────────────┐
 * clock ───────┘   (by commitment)    ├─▶ judge-to-heat ─┐               │
 *                                     │  news ───────────┴─▶ news-heat ──┘ (by agency)
 *                                     └─▶ rollup-sums ─────▶ rollup-aggregate ─▶ sector-completion
 *                                                         └▶ rollup-history     (by plan and group)
 * </pre>
 *
 * <p>The judge reads only the registry, progress and the clock; the heat learns which agencies
 * have unfinished commitments, and how far every judge partition has judged, from the
 * judge-to-heat topic; the roll-ups sum small integer deltas — each judge task sends, once per
 * commit, one sum per roll-up and day that changed — so they do not depend on the order in
 * which the judge's partitions deliver them. The query API reads the stores directly.
 */
public final class VigiaTopology {
    private VigiaTopology() {
    }

    public static Topology build(TopologySettings settings) {
        Topics t = settings.topics();
        StreamsBuilder builder = new StreamsBuilder();
        Serde<Alert> alertSerde = t.alerts.valueSerde();
        Duration retention = settings.historyRetention();

        judgeStores(builder, t, alertSerde, retention);
        KStream<String, Object> registry = source(builder, t.commitments, "commitments")
                .mapValues((id, c) -> c == null ? new Withdrawal(id) : (Object) c, Named.as("registry-input"));
        KStream<String, Object> progress = source(builder, t.progress, "progress")
                .filter((k, v) -> v != null, Named.as("progress-without-tombstones"))
                .mapValues(v -> (Object) v, Named.as("progress-input"));
        KStream<String, Object> clock = source(builder, t.clock, "clock")
                .filter((k, v) -> v != null, Named.as("clock-without-tombstones"))
                .mapValues(v -> (Object) v, Named.as("clock-input"));
        KStream<String, Object> judged = registry
                .merge(progress, Named.as("judge-inputs-progress"))
                .merge(clock, Named.as("judge-inputs-clock"))
                .process(() -> new CommitmentJudge(settings), Named.as("commitment-judge"), StoreNames.REGISTRY,
                        StoreNames.LEDGER, StoreNames.REPORTS, StoreNames.DUE_INDEX, StoreNames.JUDGE_CLOCK,
                        StoreNames.HELD_TICKS, StoreNames.HELD_RECORDS, StoreNames.SERIES, StoreNames.COMMITMENT_ALERTS, StoreNames.ALERT_LOG,
                        StoreNames.ROLLUP_PENDING);

        // The judge forwards each output to the one child named for its kind: no predicates to run.
        judged.mapValues(v -> (CommitmentStatus) v, Named.as(JudgeOutput.TO_STATUS))
                .to(t.commitmentStatus.name(), Produced.with(Serdes.String(), t.commitmentStatus.valueSerde())
                        .withName("commitment-status-sink"));
        judged.mapValues(v -> (Alert) v, Named.as(JudgeOutput.TO_ALERTS))
                .to(t.alerts.name(), Produced.with(Serdes.String(), alertSerde).withName("judge-alerts-sink"));

        heat(builder, settings, judged.mapValues(v -> (HeatInput) v, Named.as(JudgeOutput.TO_HEAT)),
                alertSerde);
        rollups(builder, settings, judged.mapValues(v -> (Rollup) v, Named.as(JudgeOutput.TO_ROLLUP)));
        return builder.build();
    }

    private static void judgeStores(StreamsBuilder builder, Topics t, Serde<Alert> alertSerde, Duration retention) {
        builder.addStateStore(kv(StoreNames.REGISTRY, Serdes.String(), new RegistryCodec()).withCachingEnabled());
        builder.addStateStore(kv(StoreNames.LEDGER, Serdes.String(), new LedgerCodec()).withCachingDisabled());
        builder.addStateStore(kv(StoreNames.REPORTS, Serdes.Bytes(), new HistoryEntry.Codec()).withCachingDisabled());
        builder.addStateStore(kv(StoreNames.DUE_INDEX, Serdes.Bytes(), Serdes.ByteArray()).withCachingDisabled());
        builder.addStateStore(kv(StoreNames.JUDGE_CLOCK, Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(kv(StoreNames.HELD_TICKS, Serdes.Long(), t.clock.valueSerde()).withCachingDisabled());
        builder.addStateStore(kv(StoreNames.HELD_RECORDS, Serdes.Bytes(),
                HeldRecord.codec(t.progress.valueSerde(), t.commitments.valueSerde())).withCachingDisabled());
        builder.addStateStore(window(StoreNames.SERIES, retention, false, new SeriesPoint.Codec()).withCachingDisabled());
        builder.addStateStore(window(StoreNames.COMMITMENT_ALERTS, retention, true, alertSerde).withCachingDisabled());
        builder.addStateStore(kv(StoreNames.ALERT_LOG, Serdes.Bytes(), alertSerde).withCachingDisabled());
        // A few dozen sums, added to on every status change and emptied at every flush: in memory
        // (RocksDB would pile up a tombstone per flushed key and iterate over them), logged so a
        // crash restores what the last commit held, cached so the changelog gets one record per
        // sum and commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.ROLLUP_PENDING),
                Serdes.Bytes(), new Rollup.Codec()).withCachingEnabled());
    }

    private static void heat(StreamsBuilder builder, TopologySettings settings, KStream<String, HeatInput> toHeat,
                             Serde<Alert> alertSerde) {
        Topics t = settings.topics();
        builder.addStateStore(kv(StoreNames.AGENCY_HEAT, Serdes.String(), new AgencyHeat.Codec()).withCachingEnabled());
        builder.addStateStore(kv(StoreNames.AGENCY_MEMBERS, Serdes.Bytes(), Serdes.String()).withCachingDisabled());
        builder.addStateStore(kv(StoreNames.HEAT_PENDING, Serdes.Bytes(), Serdes.ByteArray()).withCachingDisabled());
        builder.addStateStore(kv(StoreNames.HEAT_SEEN, Serdes.Bytes(), Serdes.ByteArray()).withCachingDisabled());
        builder.addStateStore(kv(StoreNames.HEAT_WATERMARKS, Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(kv(StoreNames.AGENCY_ALERT_LOG, Serdes.Bytes(), alertSerde).withCachingDisabled());

        KStream<String, Object> fromJudge = toHeat
                .repartition(Repartitioned.with(Serdes.String(), new HeatInput.Codec()).withName("judge-to-heat")
                        .withNumberOfPartitions(settings.partitions()).withStreamPartitioner(new HeatPartitioner()))
                .mapValues(v -> (Object) v, Named.as("heat-from-judge"));
        KStream<String, Object> news = source(builder, t.news, "news")
                .filter((k, v) -> v != null, Named.as("news-without-tombstones"))
                .mapValues(v -> (Object) v, Named.as("news-input"));
        fromJudge.merge(news, Named.as("heat-inputs"))
                .process(() -> new HeatProcessor(settings.thresholds(), settings.partitions(), settings.observer()),
                        Named.as("news-heat"), StoreNames.AGENCY_HEAT, StoreNames.AGENCY_MEMBERS,
                        StoreNames.HEAT_PENDING, StoreNames.HEAT_SEEN, StoreNames.HEAT_WATERMARKS,
                        StoreNames.AGENCY_ALERT_LOG)
                .to(t.alerts.name(), Produced.with(Serdes.String(), alertSerde).withName("heat-alerts-sink"));
    }

    private static void rollups(StreamsBuilder builder, TopologySettings settings,
                                KStream<String, Rollup> toRollup) {
        Topics t = settings.topics();
        builder.addStateStore(kv(StoreNames.ROLLUP_DAILY, Serdes.Bytes(), new Rollup.Codec()).withCachingEnabled());
        KStream<String, Rollup> sums = toRollup
                .repartition(Repartitioned.with(Serdes.String(), new Rollup.Codec()).withName("rollup-sums"));
        sums.groupByKey(Grouped.with("rollup-by-group", Serdes.String(), new Rollup.Codec()))
                .aggregate(Rollup::empty, (key, sum, rollup) -> rollup.plus(sum), Named.as("rollup-aggregate"),
                        Materialized.<String, Rollup, KeyValueStore<Bytes, byte[]>>as(StoreNames.ROLLUPS)
                                .withKeySerde(Serdes.String()).withValueSerde(new Rollup.Codec()))
                .toStream(Named.as("rollup-changes"))
                .filter((key, r) -> r != null && r.kind == Rollup.Kind.SECTOR, Named.as("sector-rollups"))
                .map((key, r) -> KeyValue.pair(r.planId + "/" + r.group, r.commitments > 0 ? r.toSectorCompletion() : null),
                        Named.as("sector-completion-value"))
                .to(t.sectorCompletion.name(), Produced.with(Serdes.String(), t.sectorCompletion.valueSerde())
                        .withName("sector-completion-sink"));
        sums.process(RollupHistory::new, Named.as("rollup-history"), StoreNames.ROLLUP_DAILY);
    }

    /** Sends a membership change to its agency's partition (as the news topic is partitioned) and a watermark to all. */
    static final class HeatPartitioner implements StreamPartitioner<String, HeatInput> {
        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, HeatInput value, int numPartitions) {
            if (value instanceof HeatInput.Watermark) {
                return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
            }
            return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions));
        }
    }

    private static <V> KStream<String, V> source(StreamsBuilder builder, Topic<String, V> topic, String name) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name + "-source"));
    }

    private static <K, V> StoreBuilder<KeyValueStore<K, V>> kv(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values);
    }

    /**
     * A store keyed by commitment and event time. Its changelog is compacted and kept whatever its
     * records' age: Kafka Streams would give a windowed changelog time retention, which compares
     * event times (a 2013 plan) with the wall clock and would delete the history at once.
     */
    private static <V> StoreBuilder<org.apache.kafka.streams.state.WindowStore<String, V>> window(
            String name, Duration retention, boolean duplicates, Serde<V> values) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, Duration.ofDays(1), duplicates),
                Serdes.String(), values).withLoggingEnabled(Map.of("cleanup.policy", "compact", "retention.ms", "-1"));
    }
}
