package org.vigia.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigia.events.Alert;
import org.vigia.ingest.replay.Replay;
import org.vigia.ingest.replay.ReplayOptions;
import org.vigia.kit.Env;

/**
 * The demo: replays a dataset into the running stack, prints each alert as it fires, then
 * waits for the alert service to finish emailing and prints what happened.
 */
final class Demo implements AutoCloseable {
    static final String BUILT_IN = "mexico-2013-2015";
    private static final List<String> FILES = List.of("commitments.json", "progress.jsonl", "news.jsonl", "amendments.jsonl");

    private final LocalStack stack;
    private final Path dataset;
    private final PrintStream out;
    private AlertPrinter printer;

    Demo(LocalStack stack, Path dataset, PrintStream out) {
        this.stack = stack;
        this.dataset = dataset;
        this.out = out;
    }

    /** {@code VIGIA_DATASET}, else {@code data/mexico-2013-2015} here, else the copy inside the jar. */
    static Path dataset(Env env, Path workDir) {
        if (env.optional("VIGIA_DATASET").isPresent()) {
            Path p = Path.of(env.required("VIGIA_DATASET"));
            if (!Files.isDirectory(p)) {
                throw new org.vigia.kit.SettingsException("VIGIA_DATASET must name a dataset folder, '" + p + "' is not one");
            }
            return p;
        }
        Path local = Path.of("data", BUILT_IN);
        if (Files.isRegularFile(local.resolve("commitments.json"))) {
            return local;
        }
        Path target = workDir.resolve("dataset").resolve(BUILT_IN);
        try {
            Files.createDirectories(target);
            for (String name : FILES) {
                try (InputStream in = Demo.class.getClassLoader().getResourceAsStream("datasets/" + BUILT_IN + "/" + name)) {
                    if (in != null) {
                        Files.copy(in, target.resolve(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the built-in dataset", e);
        }
        return target;
    }

    void run(Env env) {
        printer = new AlertPrinter(stack.kafka(), out);
        Duration wall = env.duration("VIGIA_DEMO_DURATION", Duration.ofSeconds(60));
        out.println("alerts as they fire (event date, type, status, severity, commitment):");
        Replay.run(stack.kafka(), dataset,
                ReplayOptions.defaults().withTargetDuration(wall).withProgress(line -> out.println("  · " + line)));
        out.println("waiting for the alert service to finish emailing…");
        awaitQuiet();
        report();
    }

    /** Waits until neither alerts nor emails have changed for a few seconds (at most two minutes). */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        int lastAlerts = -1;
        int lastMails = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int alerts = printer.seen().size();
            int mails = stack.mailSink() == null ? 0 : stack.mailSink().messages().size();
            if (alerts != lastAlerts || mails != lastMails) {
                lastAlerts = alerts;
                lastMails = mails;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(6).toNanos()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void report() {
        Map<String, Integer> byType = new TreeMap<>();
        for (Alert a : printer.seen()) {
            byType.merge(a.type() + " " + a.status(), 1, Integer::sum);
        }
        out.println();
        out.println("alerts: " + printer.seen().size() + " " + byType);
        if (stack.mailSink() != null) {
            var mails = stack.mailSink().messages();
            out.println("emails in the local mailbox: " + mails.size()
                    + "  (http://localhost:" + stack.mailboxPort() + "/ or " + stack.mailSink().folder() + ")");
            mails.stream().limit(8).forEach(m -> out.println("  ✉ " + MailSink.describe(m)));
            if (mails.size() > 8) {
                out.println("  … and " + (mails.size() - 8) + " more");
            }
        }
    }

    @Override
    public void close() {
        if (printer != null) {
            printer.close();
        }
    }
}
