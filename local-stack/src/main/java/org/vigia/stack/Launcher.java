package org.vigia.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.vigia.kit.Env;
import org.vigia.kit.Principal;
import org.vigia.kit.SettingsException;
import org.vigia.kit.TokenStore;

/**
 * The one command that runs Vigía locally, with no Docker.
 *
 * <pre>
 *   ./vigia demo          replay the Mexico 2013–2015 plan in about a minute, print alerts as they fire
 *   ./vigia demo --exit   the same, then stop (for scripts)
 *   ./vigia up            run live: wall-clock ticks, the agency API, the panel, until Ctrl-C
 *   ./vigia token P       mint a token for principal P (admin, agency:SCT, cso:CIDAC, irm, news)
 * </pre>
 *
 * Ctrl-C stops everything cleanly.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        quietLogsUnlessAsked();
        String command = args.length == 0 ? "up" : args[0];
        try {
            switch (command) {
                case "up" -> up(out);
                case "demo" -> demo(out, args.length > 1 && args[1].equals("--exit"));
                case "token" -> token(out, args);
                case "help", "--help", "-h" -> out.println(usage());
                default -> {
                    System.err.println("vigia: unknown command '" + command + "'\n" + usage());
                    System.exit(2);
                }
            }
        } catch (SettingsException e) {
            System.err.println("vigia: configuration error: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * The console is for the story: alerts, progress and where to look. Services log only
     * warnings and Kafka only errors, unless VIGIA_LOG_LEVEL asks for more.
     */
    private static void quietLogsUnlessAsked() {
        if (System.getenv("VIGIA_LOG_LEVEL") != null
                || !(org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return;
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        for (String noisy : new String[] {"org.apache.kafka", "kafka", "state.change.logger", "org.eclipse.jetty"}) {
            context.getLogger(noisy).setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static String usage() {
        return """
                usage: ./vigia demo [--exit] | up | token <principal>
                  demo    replay the Mexico 2013–2015 action plan in about a minute and print alerts as they fire
                  up      run the stack live until Ctrl-C
                  token   mint an API token: ./vigia token agency:SCT""";
    }

    private static void token(PrintStream out, String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ./vigia token <principal>   (admin, agency:SCT, cso:CIDAC, irm, news)");
            System.exit(2);
        }
        String[] minted = TokenStore.mint(Principal.parse(args[1]));
        out.println("token (give it to the reporter; it is not stored anywhere): " + minted[0]);
        out.println("line for the tokens file (VIGIA_TOKENS_FILE):");
        out.println(minted[1]);
    }

    private static void up(PrintStream out) {
        StackSettings settings = StackSettings.from(Env.system());
        out.println("Vigía: starting the local stack…");
        LocalStack stack = LocalStack.start(settings, LocalStack.Mode.LIVE);
        printEndpoints(out, stack, settings);
        awaitShutdown(stack, null, out);
    }

    private static void demo(PrintStream out, boolean exitWhenDone) {
        Env env = Env.system();
        StackSettings base = StackSettings.from(env);
        // A demo starts from nothing each time, so it tells the same story on every run.
        Path demoDir = base.dataDir().resolve("demo");
        deleteRecursively(demoDir);
        StackSettings settings = base.withDataDir(demoDir)
                .withGroupWait(env.duration("VIGIA_GROUP_WAIT", java.time.Duration.ofSeconds(2)));
        Path dataset = Demo.dataset(env, demoDir);

        out.println("Vigía demo: replaying " + dataset.getFileName() + " (Mexico's OGP action plan 2013–2015)");
        out.println("starting the local stack…");
        LocalStack stack = LocalStack.start(settings, LocalStack.Mode.REPLAY);
        printEndpoints(out, stack, settings);
        Demo demo = new Demo(stack, dataset, out);
        Runnable stop = demo::close;
        try {
            demo.run(env);
        } catch (RuntimeException e) {
            stop.run();
            stack.close();
            throw e;
        }
        if (exitWhenDone) {
            stop.run();
            stack.close();
            return;
        }
        out.println("\nThe stack keeps running so you can look around. Ctrl-C stops it.");
        awaitShutdown(stack, stop, out);
    }

    private static void printEndpoints(PrintStream out, LocalStack stack, StackSettings settings) {
        out.println();
        out.println("  control panel   http://localhost:" + stack.processorPort() + "/");
        out.println("  query API       http://localhost:" + stack.processorPort() + "/api/v1/commitments");
        out.println("  ingest API      http://localhost:" + stack.ingestPort() + "/api/v1/progress");
        out.println("  alert service   http://localhost:" + stack.alertPort() + "/api/v1/notifications");
        if (stack.mailSink() != null) {
            out.println("  mailbox         http://localhost:" + stack.mailboxPort() + "/   (and .eml files in "
                    + stack.mailSink().folder() + ")");
        }
        out.println("  metrics         /metrics on each of the ports above");
        out.println("  Kafka           " + stack.kafka().bootstrapServers() + " (topics prefixed '"
                + settings.topicPrefix() + "')");
        out.println("  API tokens      " + settings.dataDir().resolve("tokens.txt"));
        out.println();
    }

    private static void awaitShutdown(LocalStack stack, Runnable before, PrintStream out) {
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nVigía: stopping…");
            if (before != null) {
                before.run();
            }
            stack.close();
            out.println("Vigía: stopped.");
            done.countDown();
        }, "vigia-shutdown"));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
