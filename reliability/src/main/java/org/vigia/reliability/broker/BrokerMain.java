package org.vigia.reliability.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The embedded KRaft broker as a process of its own, so the suite can {@code kill -9} it and
 * start it again on the same ports and the same data folder.
 *
 * <pre>
 *   java -cp reliability.jar org.vigia.reliability.broker.BrokerMain DATA_DIR PORT CONTROLLER_PORT
 * </pre>
 *
 * Prints {@code broker ready on 127.0.0.1:PORT} once clients can use it (at Kafka's default
 * transaction protocol, as {@link EmbeddedKafkaBroker} runs), and stops cleanly on SIGTERM.
 *
 * <p>Both ports are fixed, not only the client one: a restart must come back as the same
 * single voter of the same quorum. Retention checks are off as well as time-based retention
 * (the embedded broker's default): the suite's plans are dated in the past, and a time-based
 * retention of seven days would delete their alerts, ticks and dead letters minutes after they
 * are written, while the comparison reads every record.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: BrokerMain DATA_DIR PORT CONTROLLER_PORT");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, port, overrides(port, controllerPort), false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.println("broker ready on " + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    static Map<String, String> overrides(int port, int controllerPort) {
        return Map.of(
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.quorum.voters", "1@127.0.0.1:" + controllerPort,
                "log.retention.check.interval.ms", String.valueOf(24L * 3600 * 1000),
                "log.initial.task.delay.ms", String.valueOf(24L * 3600 * 1000));
    }
}
