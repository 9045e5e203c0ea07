package org.vigia.processor.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.Follows;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.SectorCompletion;
import org.vigia.events.Tick;
import org.vigia.events.Topics;
import org.vigia.processor.errors.DeadLetters;
import org.vigia.processor.topology.judge.CommitmentTimeline;
import org.vigia.processor.topology.judge.HistoryEntry;
import org.vigia.processor.topology.judge.Ledger;
import org.vigia.processor.topology.rollup.Rollup;

/** A TopologyTestDriver around the real topology, speaking in commitments, reports and ticks. */
public final class Harness implements AutoCloseable {
    final Topics topics = new Topics("t.");
    final TopologyTestDriver driver;
    final List<String> deadLetterReasons = new ArrayList<>();
    final List<String> late = new ArrayList<>();
    private final TopologySettings settings;
    private final TestInputTopic<String, Commitment> commitments;
    private final TestInputTopic<String, ProgressUpdate> progress;
    private final TestInputTopic<String, Tick> clock;
    private final TestInputTopic<String, NewsSignal> news;
    final TestInputTopic<byte[], byte[]> rawProgress;
    private final TestOutputTopic<String, Alert> alerts;
    private final TestOutputTopic<String, CommitmentStatus> statuses;
    private final TestOutputTopic<String, SectorCompletion> sectors;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    private final List<Alert> alertLog = new ArrayList<>();
    private final List<TestRecord<String, CommitmentStatus>> statusLog = new ArrayList<>();

    public Harness() {
        this(Thresholds.defaults(), Duration.ZERO, true);
    }

    public Harness(Thresholds thresholds, Duration grace, boolean dueIndex) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "vigia-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, java.nio.file.Files.createTempDirectory("vigia-ttd-").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        DeadLetters.configure(props, topics.deadLetter.name(), deadLetterReasons::add);
        TopologyObserver observer = new TopologyObserver() {
            @Override
            public void late(String input) {
                late.add(input);
            }
        };
        settings = new TopologySettings(topics, thresholds, 1, grace, TopologySettings.DEFAULT_HISTORY_RETENTION,
                dueIndex, TopologySettings.DEFAULT_ROLLUP_FLUSH, observer);
        driver = new TopologyTestDriver(VigiaTopology.build(settings), props, Fixtures.day("2013-12-01"));
        commitments = input(topics.commitments.name(), topics.commitments.valueSerde());
        progress = input(topics.progress.name(), topics.progress.valueSerde());
        clock = input(topics.clock.name(), topics.clock.valueSerde());
        news = input(topics.news.name(), topics.news.valueSerde());
        rawProgress = driver.createInputTopic(topics.progress.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        alerts = driver.createOutputTopic(topics.alerts.name(), Serdes.String().deserializer(),
                topics.alerts.valueSerde().deserializer());
        statuses = driver.createOutputTopic(topics.commitmentStatus.name(), Serdes.String().deserializer(),
                topics.commitmentStatus.valueSerde().deserializer());
        sectors = driver.createOutputTopic(topics.sectorCompletion.name(), Serdes.String().deserializer(),
                topics.sectorCompletion.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter.name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    private <V> TestInputTopic<String, V> input(String name, org.apache.kafka.common.serialization.Serde<V> serde) {
        return driver.createInputTopic(name, Serdes.String().serializer(), serde.serializer());
    }

    public Harness register(Commitment c, Instant at) {
        commitments.pipeInput(c.id(), c, at);
        return this;
    }

    Harness register(Commitment c) {
        return register(c, Fixtures.at(c.startDate()));
    }

    /** A registry version as ingest's replay writes it: naming the progress offset it follows. */
    Harness register(Commitment c, Instant at, long afterProgress) {
        commitments.pipeInput(new TestRecord<>(c.id(), c, new RecordHeaders().add(Follows.AFTER_PROGRESS,
                Follows.value(afterProgress)), at));
        return this;
    }

    /** A report as ingest writes it: naming the registry offset it follows. */
    Harness report(ProgressUpdate u, long afterCommitments) {
        progress.pipeInput(new TestRecord<>(u.commitmentId(), u, new RecordHeaders().add(Follows.AFTER_COMMITMENTS,
                Follows.value(afterCommitments)), u.reportedAt()));
        return this;
    }

    /** A report with a raw {@code vigia.after-commitments} header value. */
    Harness report(ProgressUpdate u, String afterCommitments) {
        progress.pipeInput(new TestRecord<>(u.commitmentId(), u, new RecordHeaders().add(Follows.AFTER_COMMITMENTS,
                afterCommitments.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), u.reportedAt()));
        return this;
    }

    Harness withdraw(String id, Instant at) {
        commitments.pipeInput(new TestRecord<>(id, null, at));
        return this;
    }

    public Harness report(ProgressUpdate u) {
        progress.pipeInput(u.commitmentId(), u, u.reportedAt());
        return this;
    }

    Harness report(String key, ProgressUpdate u) {
        progress.pipeInput(key, u, u.reportedAt());
        return this;
    }

    public Harness tick(Instant at) {
        clock.pipeInput("tick-0", new Tick(at), at);
        return this;
    }

    /** A tick as a replay writes it: naming the progress and registry offsets it follows (null: none). */
    Harness tick(Instant at, Long afterProgress, Long afterCommitments) {
        clock.pipeInput("tick-0", new Tick(at, afterProgress, afterCommitments), at);
        return this;
    }

    /** A tick whose record timestamp is not its {@code at}. */
    Harness tick(Tick tick, Instant stamped) {
        clock.pipeInput("tick-0", tick, stamped);
        return this;
    }

    Harness tick(String date) {
        return tick(Fixtures.day(date));
    }

    /** Daily ticks from {@code from} to {@code to}, both included. */
    Harness ticksDaily(String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            tick(Fixtures.at(d));
        }
        return this;
    }

    public Harness news(String agency, NewsSignal n) {
        news.pipeInput(agency, n, n.publishedAt());
        return this;
    }

    /** Every alert emitted so far, in order. */
    public List<Alert> alerts() {
        alertLog.addAll(alerts.readValuesToList());
        return List.copyOf(alertLog);
    }

    List<Alert> alerts(AlertType type) {
        return alerts().stream().filter(a -> a.type() == type).toList();
    }

    List<Alert> alerts(AlertType type, AlertStatus status) {
        return alerts(type).stream().filter(a -> a.status() == status).toList();
    }

    /** Every status record published so far (value null: a tombstone), in order. */
    public List<TestRecord<String, CommitmentStatus>> statusRecords() {
        statusLog.addAll(statuses.readRecordsToList());
        return List.copyOf(statusLog);
    }

    List<TestRecord<String, SectorCompletion>> sectorRecords() {
        flushRollups();
        return sectors.readRecordsToList();
    }

    /** The status as the query API shows it: projected to the task's stream time. */
    CommitmentStatus status(String id) {
        Commitment c = this.<Commitment>kv(StoreNames.REGISTRY).get(id);
        Ledger l = ledger(id);
        if (c == null || l == null || l.published == null) {
            return null;
        }
        Long now = this.<Long>kv(StoreNames.JUDGE_CLOCK).get("now");
        return new CommitmentTimeline(settings.thresholds()).project(c, l, now == null ? Long.MIN_VALUE : now).toStatus(c);
    }

    Ledger ledger(String id) {
        return this.<Ledger>kv(StoreNames.LEDGER).get(id);
    }

    Commitment registry(String id) {
        return this.<Commitment>kv(StoreNames.REGISTRY).get(id);
    }

    /** The history of one commitment, oldest first. */
    List<HistoryEntry> history(String id) {
        KeyValueStore<org.apache.kafka.common.utils.Bytes, HistoryEntry> store = driver.getKeyValueStore(StoreNames.REPORTS);
        List<HistoryEntry> out = new ArrayList<>(org.vigia.processor.query.LocalStores.recentReports(store, id,
                Integer.MAX_VALUE));
        java.util.Collections.reverse(out);
        return out;
    }

    Rollup rollup(Rollup.Kind kind, String plan, String group) {
        flushRollups();
        var stored = driver.<String, Rollup>getTimestampedKeyValueStore(StoreNames.ROLLUPS)
                .get(Rollup.key(kind, plan, group));
        return stored == null ? null : stored.value();
    }

    /** Lets the wall clock pass one flush interval, so the judge sends its pending roll-up sums. */
    void flushRollups() {
        driver.advanceWallClockTime(settings.rollupFlush());
    }

    /** A key-value store of the topology, as the query layer reads it. */
    public <K, V> KeyValueStore<K, V> store(String name) {
        flushRollups();
        return driver.getKeyValueStore(name);
    }

    /** A window store of the topology. */
    public <K, V> org.apache.kafka.streams.state.WindowStore<K, V> windowStore(String name) {
        return driver.getWindowStore(name);
    }

    <V> KeyValueStore<Object, V> kvAny(String name) {
        return driver.getKeyValueStore(name);
    }

    private <V> KeyValueStore<String, V> kv(String name) {
        return driver.getKeyValueStore(name);
    }

    @Override
    public void close() {
        driver.close();
    }
}
