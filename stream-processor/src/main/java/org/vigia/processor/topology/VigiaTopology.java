package org.vigia.processor.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.Topic;
import org.vigia.events.Topics;

/**
 * The Vigía topology, a pure function of its settings.
 *
 * <pre>
 * commitments ─┐
 * progress ────┼─▶ commitment-judge ──▶ commitment-status ─▶ status table ─▶ sector-rollup ─▶ sector-completion
 * clock ───────┘        │  └──────────▶ alerts ◀──┐                      └─▶ agency-rollup
 *                       └─▶ heat-signals ───┐     │      alerts ─▶ alerts-by-plan ─▶ alert-timeline
 * news ─────────────────────────────────────┴─▶ news-heat
 * </pre>
 *
 * <p>The judge's sub-topology reads only what ingest writes (commitments, progress, clock):
 * task <i>p</i> reads partition <i>p</i> of each, ordered by timestamp, and
 * {@code max.task.idle.ms} is a grace for those live producers only. The judge passes each
 * tick it reads, and each agency-membership change, to the news heat through the internal
 * {@code heat-signals} topic (ticks to the same partition number), so the heat — a second
 * sub-topology with the news — still sees every tick. Were that feedback topic in the judge's
 * sub-topology, the judge would idle on it after every commit that wrote to it.
 */
public final class VigiaTopology {
    private VigiaTopology() {
    }

    public static Topology build(TopologySettings settings) {
        Topics t = settings.topics();
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        Serde<CommitmentStatus> statusSerde = t.commitmentStatus.valueSerde();
        Serde<Alert> alertSerde = t.alerts.valueSerde();

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.LEDGER), keys,
                new InternalSerde<>(CommitmentLedger.class)).withCachingEnabled());
        // The clocks change with nearly every record: cached, their changelog gets one record per commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.JUDGE_CLOCK), keys,
                Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.AGENCY_HEAT), keys,
                new InternalSerde<>(AgencyHeat.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.HEAT_CLOCK), keys,
                Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ALERT_TIMELINE),
                keys, new InternalSerde<>(AlertTimeline.class)));

        KStream<String, Input> commitments = source(builder, t.commitments, "commitments")
                .mapValues(c -> Input.of(c), Named.as("commitments-as-input"));
        KStream<String, Input> progress = source(builder, t.progress, "progress")
                .filter((k, v) -> v != null, Named.as("progress-without-tombstones"))
                .mapValues(u -> Input.of(u), Named.as("progress-as-input"));
        KStream<String, Input> clock = source(builder, t.clock, "clock")
                .filter((k, v) -> v != null, Named.as("clock-without-tombstones"))
                .mapValues(tick -> Input.of(tick), Named.as("clock-as-input"));
        KStream<String, Input> news = source(builder, t.news, "news")
                .filter((k, v) -> v != null, Named.as("news-without-tombstones"))
                .mapValues(n -> Input.of(n), Named.as("news-as-input"));

        KStream<String, Emission> judged = commitments
                .merge(progress, Named.as("judge-inputs-progress"))
                .merge(clock, Named.as("judge-inputs-clock"))
                .process(() -> new CommitmentJudge(settings.thresholds(), settings.observer()),
                        Named.as("commitment-judge"), StoreNames.LEDGER, StoreNames.JUDGE_CLOCK);

        KStream<String, Input> heatSignals = only(judged, Emission.Kind.HEAT, "heat-signal")
                .mapValues(Emission::heat, Named.as("heat-signal-value"))
                .repartition(Repartitioned.with(keys, new InternalSerde<>(HeatSignal.class))
                        .withName("heat-signals").withNumberOfPartitions(settings.partitions())
                        .withStreamPartitioner(VigiaTopology::heatPartition))
                .mapValues(s -> s.carriesTick() ? Input.of(s.tick()) : Input.of(s.membership()),
                        Named.as("heat-signal-as-input"));
        KStream<String, Emission> heated = news
                .merge(heatSignals, Named.as("heat-inputs-signals"))
                .process(() -> new HeatProcessor(settings.thresholds(), settings.observer()),
                        Named.as("news-heat"), StoreNames.AGENCY_HEAT, StoreNames.HEAT_CLOCK);

        KStream<String, CommitmentStatus> statuses = only(judged, Emission.Kind.STATUS, "status")
                .mapValues(Emission::status, Named.as("status-value"));
        statuses.to(t.commitmentStatus.name(), Produced.with(keys, statusSerde).withName("commitment-status-sink"));
        // The status table reads the status topic back rather than toTable() on the judge's output:
        // process() may change keys, so toTable() would copy every status through one more
        // repartition topic. The key is the commitment id either way.
        KTable<String, CommitmentStatus> statusTable = builder.table(t.commitmentStatus.name(),
                Consumed.with(keys, statusSerde).withName("status-table-source"),
                Materialized.<String, CommitmentStatus, KeyValueStore<Bytes, byte[]>>as(StoreNames.STATUS)
                        .withKeySerde(keys).withValueSerde(statusSerde));

        // The judge's and the heat's alerts go to the topic separately, and the timeline reads the
        // topic back: merging the two streams would join the judge and the heat into one
        // sub-topology again.
        only(judged, Emission.Kind.ALERT, "judge-alert")
                .mapValues(Emission::alert, Named.as("judge-alert-value"))
                .to(t.alerts.name(), Produced.with(keys, alertSerde).withName("alerts-sink"));
        only(heated, Emission.Kind.ALERT, "heat-alert")
                .mapValues(Emission::alert, Named.as("heat-alert-value"))
                .to(t.alerts.name(), Produced.with(keys, alertSerde).withName("heat-alerts-sink"));
        source(builder, t.alerts, "alert-timeline")
                .filter((k, v) -> v != null, Named.as("alerts-without-tombstones"))
                .flatMap((key, alert) -> planKeys(alert), Named.as("alert-by-plan-key"))
                .repartition(Repartitioned.with(keys, alertSerde).withName("alerts-by-plan"))
                .process(AlertTimelineProcessor::new, Named.as("alert-timeline-writer"), StoreNames.ALERT_TIMELINE);

        rollup(statusTable, "sector", StoreNames.SECTOR_ROLLUP, new RollupAggregator(CommitmentStatus::sector))
                .toStream(Named.as("sector-rollup-changes"))
                .mapValues(r -> r == null || r.commitments == 0 ? null : RollupAggregator.toSectorCompletion(r),
                        Named.as("sector-completion-value"))
                .to(t.sectorCompletion.name(), Produced.with(keys, t.sectorCompletion.valueSerde())
                        .withName("sector-completion-sink"));
        rollup(statusTable, "agency", StoreNames.AGENCY_ROLLUP, new RollupAggregator(CommitmentStatus::agency));
        return builder.build();
    }

    /**
     * A tick goes back to the partition number it was read from (every heat task gets every
     * tick); a membership change goes where the producer's default partitioner puts the news
     * of its agency, so it meets that agency's news.
     */
    private static Optional<Set<Integer>> heatPartition(String topic, String key, HeatSignal signal, int partitions) {
        if (signal.carriesTick()) {
            return Optional.of(Set.of(Math.floorMod(signal.partition(), partitions)));
        }
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(keyBytes)) % partitions));
    }

    private static <V> KStream<String, V> source(StreamsBuilder builder, Topic<String, V> topic, String name) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name + "-source"));
    }

    private static KStream<String, Emission> only(KStream<String, Emission> emissions, Emission.Kind kind, String name) {
        return emissions.filter((k, e) -> e.kind() == kind, Named.as("only-" + name));
    }

    private static KTable<String, Rollup> rollup(KTable<String, CommitmentStatus> statuses, String by, String store,
                                                 RollupAggregator aggregator) {
        Serde<CommitmentStatus> statusSerde = new org.vigia.events.JsonSerde<>(CommitmentStatus.class);
        return statuses
                .groupBy((id, s) -> KeyValue.pair(s.planId() + "/" + ("sector".equals(by) ? s.sector() : s.agency()), s),
                        Grouped.with("status-by-" + by, Serdes.String(), statusSerde))
                .aggregate(Rollup::new, aggregator.adder(), aggregator.subtractor(), Named.as(by + "-rollup-aggregate"),
                        Materialized.<String, Rollup, KeyValueStore<Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String()).withValueSerde(new InternalSerde<>(Rollup.class)));
    }

    /** An alert goes to its plan's timeline; an agency-wide one to the timeline of each plan it concerns. */
    private static List<KeyValue<String, Alert>> planKeys(Alert alert) {
        List<KeyValue<String, Alert>> out = new ArrayList<>();
        if (alert.planId() != null) {
            out.add(KeyValue.pair(alert.planId(), alert));
        } else if (alert.details().get("plans") instanceof List<?> plans) {
            plans.forEach(p -> out.add(KeyValue.pair(String.valueOf(p), alert)));
        }
        return out;
    }
}
