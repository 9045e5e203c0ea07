package org.vigia.reliability;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigia.reliability.plan.GeneratedPlan;
import org.vigia.reliability.plan.PlanShape;
import org.vigia.reliability.plan.SyntheticPlan;
import org.vigia.reliability.process.Jars;
import org.vigia.reliability.scenario.Mode;
import org.vigia.reliability.scenario.Soak;
import org.vigia.reliability.scenario.Suite;

/**
 * The reliability suite's command line (what {@code reliability/run.sh} runs).
 *
 * <pre>
 *   java -jar reliability.jar quick|full [--only broker-kill9,poison-pills,no-fault-rerun] [--commitments 150] [--tick-days 28]
 *                                        [--stream-seconds 30] [--repo DIR] [--work DIR]
 *   java -jar reliability.jar soak  [--minutes 30] [--rate 1000] [--settle-minutes 45] [--repo DIR] [--work DIR]
 *   java -jar reliability.jar generate --out DIR [--seed 42] [--commitments 2000] [--burst 0]
 * </pre>
 *
 * Exit code 0: nothing lost or different; 1: something was; 2: usage.
 */
public final class ReliabilityMain {
    private ReliabilityMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintStream out) {
        quietLibraries();
        if (args.length == 0) {
            return usage(out);
        }
        Options o = new Options(Arrays.copyOfRange(args, 1, args.length));
        Path repo = o.value("--repo").map(Path::of).orElseGet(() -> Jars.findRepo(Path.of("")));
        Path work = o.value("--work").map(Path::of).orElseGet(() -> Suite.freshFolder(repo.resolve("reliability/target")))
                .toAbsolutePath();
        return switch (args[0]) {
            case "quick", "full" -> {
                Mode mode = args[0].equals("quick") ? Mode.quick() : Mode.full();
                List<String> only = o.list("--only");
                for (String s : only) {
                    if (!Mode.ALL.contains(s)) {
                        out.println("unknown scenario '" + s + "'; known: " + String.join(", ", Mode.ALL));
                        yield 2;
                    }
                }
                mode = only.isEmpty() ? mode : mode.withScenarios(only);
                mode = o.value("--commitments").map(Integer::parseInt).map(mode::withCommitments).orElse(mode);
                mode = o.value("--tick-days").map(d -> java.time.Duration.ofDays(Long.parseLong(d))).map(mode::withTick).orElse(mode);
                mode = o.value("--stream-seconds").map(s -> java.time.Duration.ofSeconds(Long.parseLong(s))).map(mode::withStream)
                        .orElse(mode);
                yield new Suite(mode, Jars.in(repo), work, out).run();
            }
            case "soak" -> new Soak(Jars.in(repo), work, out, Integer.parseInt(o.value("--minutes").orElse("30")),
                    Integer.parseInt(o.value("--rate").orElse("1000")),
                    java.time.Duration.ofMinutes(Long.parseLong(o.value("--settle-minutes").orElse("45")))).run();
            case "generate" -> {
                GeneratedPlan plan = SyntheticPlan.generate(Long.parseLong(o.value("--seed").orElse("42")),
                        Integer.parseInt(o.value("--commitments").orElse("2000")),
                        PlanShape.standard().withBurst(Integer.parseInt(o.value("--burst").orElse("0"))),
                        Path.of(o.value("--out").orElseThrow(() -> new IllegalArgumentException("generate needs --out DIR"))));
                out.println(plan);
                yield 0;
            }
            default -> usage(out);
        };
    }

    /** The suite's console is for its table; the SMTP library's INFO lines and the clients' reconnect warnings would bury it. */
    static void quietLibraries() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger("org.subethamail").setLevel(ch.qos.logback.classic.Level.WARN);
            context.getLogger("org.vigia.reliability").setLevel(ch.qos.logback.classic.Level.WARN);
            // A broker kill9 makes every client of the suite warn once per reconnect attempt.
            context.getLogger("org.apache.kafka").setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static int usage(PrintStream out) {
        out.println("usage: quick|full [--only s1,s2] [--commitments N] [--tick-days N] [--stream-seconds N] | soak [--minutes 30] [--rate 1000] [--settle-minutes 45] | generate --out DIR [--seed N]"
                + " [--commitments N] [--burst N]   (options: --repo DIR, --work DIR)");
        return 2;
    }

    private record Options(String[] args) {
        java.util.Optional<String> value(String flag) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals(flag)) {
                    return java.util.Optional.of(args[i + 1]);
                }
            }
            return java.util.Optional.empty();
        }

        List<String> list(String flag) {
            return value(flag).map(v -> new ArrayList<>(Arrays.asList(v.split(",")))).map(l -> (List<String>) l).orElse(List.of());
        }
    }
}
