package org.vigia.reliability.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One operating-system process of the suite — a service jar, the broker, a replay — with its
 * own environment and its output appended to a log file. {@link #kill9()} is a real
 * {@code SIGKILL} (no shutdown hook runs); {@link #stop} is {@code SIGTERM} with a grace
 * period; {@link #restart()} runs the same spec again, so the same data folders and ports.
 */
public final class ServiceProcess implements AutoCloseable {
    /** Variables of the suite's own environment that never reach a child: each run sets its own. */
    private static final List<String> OWN_PREFIXES = List.of("VIGIA_", "KAFKA_", "SMTP_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    /** Every child still running; a shutdown hook kills them, so none outlives the suite. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "reliability-children"));
    }

    private final ProcessSpec spec;
    private Process process;
    private int starts;

    private ServiceProcess(ProcessSpec spec) {
        this.spec = spec;
    }

    public static ServiceProcess start(ProcessSpec spec) {
        ServiceProcess p = new ServiceProcess(spec);
        p.launch();
        return p;
    }

    private synchronized void launch() {
        try {
            Files.createDirectories(spec.logFile().getParent());
            Files.createDirectories(spec.workDir());
            Files.writeString(spec.logFile(), (starts == 0 ? "" : "\n") + "### start " + (++starts) + " of " + spec.name()
                    + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(spec.command()).directory(spec.workDir().toFile())
                    .redirectErrorStream(true).redirectOutput(Redirect.appendTo(spec.logFile().toFile()))
                    .redirectInput(Redirect.PIPE);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(name -> OWN_PREFIXES.stream().anyMatch(name::startsWith));
            env.putAll(spec.environment());
            process = pb.start();
            LIVE.add(process);
            process.onExit().thenAccept(LIVE::remove);
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    public String name() {
        return spec.name();
    }

    public ProcessSpec spec() {
        return spec;
    }

    public synchronized long pid() {
        return process.pid();
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return spec.logFile();
    }

    /** SIGKILL, as {@code kill -9}: the JVM gets no chance to close anything. Waits until it is gone. */
    public synchronized void kill9() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGSTOP: the process is frozen where it stands (its sockets open, answering nothing) until {@link #resume()}. */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            int rc = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited with " + rc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + spec.name(), e);
        }
    }

    /** SIGTERM (the services' shutdown hooks run), then SIGKILL if it is still there after {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(grace)) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** Starts the same command again, with the same environment and data folders. */
    public synchronized void restart() {
        if (alive()) {
            throw new IllegalStateException(spec.name() + " is still running (pid " + process.pid() + ")");
        }
        launch();
    }

    /** Waits for the process to end; its exit code, or -1 if it is still running after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        Process p;
        synchronized (this) {
            p = process;
        }
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the log, for error messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(spec.logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
