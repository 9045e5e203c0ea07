package org.vigia.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (combined broker and controller) inside this
 * JVM, on 127.0.0.1. The local stack runs one with its data in a folder that survives
 * restarts; tests share one per JVM through {@link #shared()}.
 *
 * <p>Replication factors of the internal topics are 1 and the initial rebalance delay is 0,
 * as suits one node; the log cleaner's dedupe buffer is small so the broker stays light.
 * Records are kept whatever their timestamp (no time-based retention by default), because
 * replays write event time from years ago. Transactions use Kafka's default protocol
 * (transaction.version=2), as on a stock cluster.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String TRANSACTION_VERSION = "transaction.version";
    private static EmbeddedKafkaBroker shared;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean deleteOnClose) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Starts a broker with its log in {@code dataDir} (formatted on first use, reused after)
     * listening on {@code port} (0 picks a free one). Returns once the broker answers.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, Map.of(), false);
    }

    public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> overrides, boolean deleteOnClose) {
        try {
            Files.createDirectories(dataDir);
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Properties props = properties(dataDir, brokerPort, controllerPort);
            props.putAll(overrides);
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                format(dataDir, props);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap, dataDir, deleteOnClose);
            broker.awaitReady(Duration.ofSeconds(60));
            broker.useDefaultTransactionProtocol();
            log.info("embedded Kafka broker ready on {} (data in {})", bootstrap, dataDir.getFileName());
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Kafka broker", e);
        }
    }

    /** The broker shared by every test of this JVM: started on first use, stopped when the JVM exits. */
    public static synchronized EmbeddedKafkaBroker shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("vigia-kafka-test-");
                shared = start(dir, 0, Map.of(), true);
                EmbeddedKafkaBroker broker = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    private static Properties properties(Path dataDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toAbsolutePath().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("log.cleaner.io.buffer.size", String.valueOf(256 * 1024));
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        // Replayed records carry their event time, years in the past, and a commit marker the
        // wall clock: a partition's first marker is more than log.roll.ms (7 days) newer than the
        // records before it, so it starts a new segment and leaves the first transaction's
        // records alone in one long past a 7-day retention. The next retention check (every 5
        // minutes) deleted them. Topics that set their own retention.ms still follow it.
        p.put("log.retention.ms", "-1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        return p;
    }

    private static void format(Path dataDir, Properties props) throws IOException {
        Path config = dataDir.resolveSibling(dataDir.getFileName() + ".format.properties");
        try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(w, "format of the embedded broker's log directory");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int rc = StorageTool.execute(new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"}, ps);
            if (rc != 0) {
                throw new IllegalStateException("formatting the broker's log directory failed: " + out.toString(StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("embedded Kafka broker not ready after " + timeout, e);
                    }
                }
            }
        }
    }

    /**
     * Runs Kafka's default transaction protocol, as a stock broker of this version does. A data
     * folder formatted by an earlier Vigía was pinned to the classic protocol
     * (transaction.version=1); it is upgraded back to the highest level this broker supports.
     */
    private void useDefaultTransactionProtocol() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            FeatureMetadata features = admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS);
            short supported = features.supportedFeatures().get(TRANSACTION_VERSION).maxVersion();
            FinalizedVersionRange finalized = features.finalizedFeatures().get(TRANSACTION_VERSION);
            if (finalized == null || finalized.maxVersionLevel() < supported) {
                admin.updateFeatures(Map.of(TRANSACTION_VERSION, new FeatureUpdate(supported, FeatureUpdate.UpgradeType.UPGRADE)),
                        new UpdateFeaturesOptions()).all().get(30, TimeUnit.SECONDS);
                log.info("upgraded {} to {} on the embedded broker's data folder", TRANSACTION_VERSION, supported);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot set " + TRANSACTION_VERSION + " to its default on the embedded broker", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.warn("could not delete {}", dataDir, e);
            }
        }
    }
}
