package org.vigia.reliability.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.vigia.events.Topics;
import org.vigia.ingest.replay.Dataset;
import org.vigia.reliability.kafka.EventTimeWriter;
import org.vigia.reliability.process.BrokerProcess;
import org.vigia.reliability.smtp.FaultySmtpServer;
import org.vigia.reliability.stack.Stack;
import org.vigia.reliability.stack.Tokens;

/** Everything a fault can reach during one run, and where it leaves its checks and notes. */
public final class RunContext {
    private final BrokerProcess broker;
    private final Stack stack;
    private final FaultySmtpServer smtp;
    private final Topics topics;
    private final Tokens tokens;
    private final Dataset dataset;
    private final EventTimeWriter writer;
    private final Map<Integer, List<Runnable>> atStep = new ConcurrentHashMap<>();
    private final List<Thread> background = new CopyOnWriteArrayList<>();
    private final List<Check> checks = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private volatile int steps = 1;

    RunContext(BrokerProcess broker, Stack stack, FaultySmtpServer smtp, Topics topics, Tokens tokens, Dataset dataset,
               EventTimeWriter writer) {
        this.broker = broker;
        this.stack = stack;
        this.smtp = smtp;
        this.topics = topics;
        this.tokens = tokens;
        this.dataset = dataset;
        this.writer = writer;
    }

    public BrokerProcess broker() {
        return broker;
    }

    public Stack stack() {
        return stack;
    }

    public FaultySmtpServer smtp() {
        return smtp;
    }

    public Topics topics() {
        return topics;
    }

    public Tokens tokens() {
        return tokens;
    }

    public Dataset dataset() {
        return dataset;
    }

    public EventTimeWriter writer() {
        return writer;
    }

    /** Runs {@code action} on the driver's thread before the step at {@code fraction} of the stream (0–1). */
    public void atFraction(double fraction, Runnable action) {
        atStep.computeIfAbsent((int) Math.floor(fraction * 1000), k -> new ArrayList<>()).add(action);
    }

    /** Runs {@code action} on a thread of its own from the step at {@code fraction}; the run waits for it before draining. */
    public void inBackgroundAt(double fraction, String name, Runnable action) {
        atFraction(fraction, () -> {
            Thread t = new Thread(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    check(name, false, "the fault itself failed: " + e);
                }
            }, name);
            background.add(t);
            t.start();
        });
    }

    void beforeStep(int index, int total) {
        steps = total;
        for (Map.Entry<Integer, List<Runnable>> e : atStep.entrySet()) {
            int at = (int) Math.floor(e.getKey() / 1000.0 * total);
            if (at == index) {
                e.getValue().forEach(Runnable::run);
            }
        }
    }

    void awaitBackground(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : background) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public int steps() {
        return steps;
    }

    public void check(String what, boolean ok, String detail) {
        checks.add(new Check(what, ok, detail));
    }

    public void note(String note) {
        notes.add(note);
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    public static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
