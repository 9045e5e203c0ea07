package org.vigia.bench;

import java.nio.file.Files;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Benchmarks for the quality bars of the design, each against a bare-Kafka yardstick run
 * side by side on the same broker, so the reported figure is a ratio that survives a noisy
 * machine. Run with {@code bench/run.sh processor|ingest|latency|alert-latency} (see bench/README.md).
 *
 * <p>Without {@code KAFKA_BOOTSTRAP_SERVERS} an embedded broker is started in a temp folder.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "processor" : args[0];
        int first = args.length > 1 ? Integer.parseInt(args[1]) : -1;
        int second = args.length > 2 ? Integer.parseInt(args[2]) : -1;
        int third = args.length > 3 ? Integer.parseInt(args[3]) : -1;
        int fourth = args.length > 4 ? Integer.parseInt(args[4]) : -1;
        quietLogs();
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        EmbeddedKafkaBroker broker = null;
        String bootstrap = external;
        if (bootstrap == null || bootstrap.isBlank()) {
            broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("vigia-bench-kafka"), 0,
                    java.util.Map.of(), true);
            bootstrap = broker.bootstrapServers();
        }
        try {
            switch (which) {
                case "processor" -> ProcessorBench.run(bootstrap, or(first, 2_000_000), 10_000, or(second, 5));
                case "ingest" -> IngestBench.run(bootstrap, or(first, 200_000), 10_000, or(third, 500), or(fourth, 4),
                        or(second, 6));
                case "scale" -> ScaleBench.run(bootstrap, or(first, 1_000_000), or(second, 10_000_000));
                case "alert-latency" -> AlertLatencyBench.run(bootstrap, or(first, 60));
                case "latency" -> LatencyBench.run(bootstrap, or(first, 5_000), or(second, 30), third >= 0 ? third : 30,
                        10_000, 50);
                default -> {
                    System.err.println("usage: bench processor [updates] [rounds] | ingest [updates] [rounds] [batch] [clients]"
                            + " | latency [updates/s] [seconds] [warm-up seconds] | alert-latency [samples] | scale [commitments] [updates]");
                    System.exit(2);
                }
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        System.exit(0);
    }

    /** The services' and Kafka's INFO/WARN chatter (leader elections, temp state dirs) would bury the results. */
    private static void quietLogs() {
        if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return;
        }
        // logback.xml sets levels on named loggers (they win over the root's), so set every one.
        context.getLoggerList().forEach(l -> {
            if (l.getLevel() != null) {
                l.setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        });
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    private static int or(int value, int defaultValue) {
        return value > 0 ? value : defaultValue;
    }
}
