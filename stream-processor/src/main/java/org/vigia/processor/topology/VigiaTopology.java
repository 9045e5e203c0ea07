package org.vigia.processor.topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
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
 * clock ───────┤        │  └──────────▶ alerts ◀──┐                      └─▶ agency-rollup
 *              │        └─▶ agency-membership ─┐  │      alerts ─▶ alerts-by-plan ─▶ alert-timeline
 * news ────────┴──────────────────────────────┴─▶ news-heat
 * </pre>
 *
 * <p>The clock topic has a single source node feeding both the judge and the news heat, so
 * commitments, progress, news, the clock and the membership topic form one sub-topology:
 * task <i>p</i> reads partition <i>p</i> of each, and every task sees every tick.
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
                new InternalSerde<>(CommitmentLedger.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.JUDGE_CLOCK), keys,
                Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.AGENCY_HEAT), keys,
                new InternalSerde<>(AgencyHeat.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.HEAT_CLOCK), keys,
                Serdes.Long()));
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

        KStream<String, Input> memberships = only(judged, Emission.Kind.MEMBERSHIP, "membership")
                .mapValues(Emission::membership, Named.as("membership-value"))
                .repartition(Repartitioned.with(keys, new InternalSerde<>(Membership.class))
                        .withName("agency-membership").withNumberOfPartitions(settings.partitions()))
                .mapValues(m -> Input.of(m), Named.as("membership-as-input"));
        KStream<String, Emission> heated = news
                .merge(clock, Named.as("heat-inputs-clock"))
                .merge(memberships, Named.as("heat-inputs-membership"))
                .process(() -> new HeatProcessor(settings.thresholds(), settings.observer()),
                        Named.as("news-heat"), StoreNames.AGENCY_HEAT, StoreNames.HEAT_CLOCK);

        KStream<String, CommitmentStatus> statuses = only(judged, Emission.Kind.STATUS, "status")
                .mapValues(Emission::status, Named.as("status-value"));
        statuses.to(t.commitmentStatus.name(), Produced.with(keys, statusSerde).withName("commitment-status-sink"));
        KTable<String, CommitmentStatus> statusTable = statuses.toTable(Named.as("status-table"),
                Materialized.<String, CommitmentStatus, KeyValueStore<Bytes, byte[]>>as(StoreNames.STATUS)
                        .withKeySerde(keys).withValueSerde(statusSerde));

        KStream<String, Alert> alerts = only(judged, Emission.Kind.ALERT, "judge-alert")
                .merge(only(heated, Emission.Kind.ALERT, "heat-alert"), Named.as("all-alerts"))
                .mapValues(Emission::alert, Named.as("alert-value"));
        alerts.to(t.alerts.name(), Produced.with(keys, alertSerde).withName("alerts-sink"));
        alerts.flatMap((key, alert) -> planKeys(alert), Named.as("alert-by-plan-key"))
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
        } else if (alert.details().plans() != null) {
            alert.details().plans().forEach(p -> out.add(KeyValue.pair(p, alert)));
        }
        return out;
    }
}
