package org.vigia.reliability.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.vigia.reliability.broker.BrokerMain;

/**
 * The embedded broker in a process of its own ({@link BrokerMain}), on ports fixed for the
 * life of the run and a data folder that outlives it, so that {@link #kill9()} followed by
 * {@link #restart()} is a real crash and recovery of the same broker.
 */
public final class BrokerProcess implements AutoCloseable {
    private final ServiceProcess process;
    private final int port;

    private BrokerProcess(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the broker with its log in {@code dataDir} on free ports, and waits until clients can use it. */
    public static BrokerProcess start(Path dataDir, Path logFile) {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        ProcessSpec spec = new ProcessSpec("broker",
                JavaCommand.main(BrokerMain.class, List.of("-Xmx768m", "-XX:+UseSerialGC"),
                        List.of(dataDir.toAbsolutePath().toString(), String.valueOf(port), String.valueOf(controllerPort))),
                Map.of(), dataDir.getParent(), logFile);
        BrokerProcess broker = new BrokerProcess(ServiceProcess.start(spec), port);
        broker.awaitReady(Duration.ofSeconds(120));
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ServiceProcess process() {
        return process;
    }

    public void kill9() {
        process.kill9();
    }

    /** Starts the same broker again (same ports, same data folder) and waits until it answers. */
    public void restart() {
        process.restart();
        awaitReady(Duration.ofSeconds(180));
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!readySinceLastStart()) {
            if (!process.alive()) {
                throw new IllegalStateException("the broker exited; its log ends with:\n" + process.tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker is not ready after " + timeout + ":\n" + process.tail(40));
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the broker printed ready but does not answer", e);
        }
    }

    /** The ready line of the current start (the log keeps the earlier starts above their "### start" marker). */
    private boolean readySinceLastStart() {
        String tail = process.tail(200);
        int start = tail.lastIndexOf("### start");
        return start >= 0 && tail.indexOf("broker ready on", start) > 0;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
