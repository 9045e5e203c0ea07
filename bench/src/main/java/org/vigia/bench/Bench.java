package org.vigia.bench;

import java.nio.file.Files;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Benchmarks for the quality bars of the design, each against a bare-Kafka yardstick run
 * side by side on the same broker, so the reported figure is a ratio that survives a noisy
 * machine. Run with {@code bench/run.sh processor|ingest} (see bench/README.md).
 *
 * <p>Without {@code KAFKA_BOOTSTRAP_SERVERS} an embedded broker is started in a temp folder.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "processor" : args[0];
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
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
                case "processor" -> ProcessorBench.run(bootstrap, updates, 10_000, rounds);
                case "ingest" -> IngestBench.run(bootstrap, updates, 10_000, 500, 4, rounds);
                default -> {
                    System.err.println("usage: bench processor|ingest [updates] [rounds]");
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
}
