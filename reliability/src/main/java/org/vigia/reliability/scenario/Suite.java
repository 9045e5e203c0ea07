package org.vigia.reliability.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.vigia.events.Topics;
import org.vigia.ingest.replay.Dataset;
import org.vigia.reliability.compare.Comparison;
import org.vigia.reliability.compare.DeliveryLog;
import org.vigia.reliability.compare.RunOutcome;
import org.vigia.reliability.drive.DriveLog;
import org.vigia.reliability.drive.IngestClient;
import org.vigia.reliability.drive.PlanDriver;
import org.vigia.reliability.kafka.EventTimeWriter;
import org.vigia.reliability.plan.GeneratedPlan;
import org.vigia.reliability.plan.PlanShape;
import org.vigia.reliability.plan.SyntheticPlan;
import org.vigia.reliability.process.BrokerProcess;
import org.vigia.reliability.process.FreePorts;
import org.vigia.reliability.process.Jars;
import org.vigia.reliability.smtp.FaultySmtpServer;
import org.vigia.reliability.stack.Service;
import org.vigia.reliability.stack.Stack;
import org.vigia.reliability.stack.StackConfig;
import org.vigia.reliability.stack.Subscribers;
import org.vigia.reliability.stack.Tokens;

/**
 * The reliability suite: one clean run per input and one run per fault, each on a fresh
 * stack (its own topic prefix, application id, consumer group, data folders and SMTP server)
 * against one broker process, each compared with the clean run of the same input. Returns the
 * exit code: 0 when nothing was lost or different and every check held.
 */
public final class Suite {
    private static final int PARTITIONS = 6;

    private final Mode mode;
    private final Jars jars;
    private final Path work;
    private final PrintStream out;

    public Suite(Mode mode, Jars jars, Path work, PrintStream out) {
        this.mode = mode;
        this.jars = jars;
        this.work = work;
        this.out = out;
    }

    public static List<Fault> faults() {
        return List.of(new BrokerKill(), new ProcessorKill(), new AlertServiceKill(), new SmtpDown(), new SmtpRefusal(),
                new PoisonPills());
    }

    public int run() {
        GeneratedPlan planA = SyntheticPlan.generate(mode.seed(), mode.commitments(), PlanShape.standard(), work.resolve("plan"));
        GeneratedPlan planB = SyntheticPlan.generate(mode.seed(), mode.commitments(), PlanShape.standard().withBurst(mode.burst()),
                work.resolve("plan-burst"));
        out.printf("plan: %d commitments, %d updates, %d news, %d amendments %s; with the burst: %d updates%n",
                planA.commitments(), planA.updates(), planA.news(), planA.amendments(), planA.arcs(), planB.updates());
        Dataset a = Dataset.load(planA.folder());
        Dataset b = Dataset.load(planB.folder());
        List<RunResult> results = new ArrayList<>();
        try (BrokerProcess broker = BrokerProcess.start(work.resolve("broker").resolve("data"), work.resolve("broker").resolve("broker.log"))) {
            RunResult cleanA = runOne(broker, Fault.none("no-fault", false), a, planA, results.size());
            results.add(cleanA.compared(Comparison.between(cleanA.outcome(), cleanA.outcome(), cleanA.drive().intended(),
                    cleanA.drive().accepted(), Set.of())));
            if (mode.runs("no-fault-rerun")) {
                RunResult again = runOne(broker, Fault.none("no-fault-rerun", false), a, planA, results.size());
                results.add(again.compared(Comparison.between(cleanA.outcome(), again.outcome(), again.drive().intended(),
                        again.drive().accepted(), Set.of())));
            }
            for (Fault f : faults()) {
                if (!mode.runs(f.name())) {
                    continue;
                }
                RunResult r = runOne(broker, f, a, planA, results.size());
                results.add(r.compared(Comparison.between(cleanA.outcome(), r.outcome(), r.drive().intended(),
                        r.drive().accepted(), f.refusedForGood())));
            }
            if (mode.runs("burst-50k")) {
                RunResult cleanB = runOne(broker, Fault.none("no-fault-burst-plan", true), b, planB, results.size());
                results.add(cleanB.compared(Comparison.between(cleanB.outcome(), cleanB.outcome(), cleanB.drive().intended(),
                        cleanB.drive().accepted(), Set.of())));
                RunResult burst = runOne(broker, new Burst(), b, planB, results.size());
                results.add(burst.compared(Comparison.between(cleanB.outcome(), burst.outcome(), burst.drive().intended(),
                        burst.drive().accepted(), Set.of())));
            }
        }
        Report.print(results, out);
        boolean failed = results.stream().anyMatch(RunResult::failed);
        out.println(failed ? "\nreliability: FAILED (something was lost or differs; see above)" : "\nreliability: all scenarios ok");
        return failed ? 1 : 0;
    }

    RunResult runOne(BrokerProcess broker, Fault fault, Dataset dataset, GeneratedPlan plan, int index) {
        long t0 = System.nanoTime();
        out.println("== " + fault.name() + " ==");
        String prefix = "r" + index + "-" + fault.name() + ".";
        Path folder = work.resolve(fault.name());
        Topics topics = new Topics(prefix);
        Set<String> principals = new TreeSet<>(plan.reporters());
        principals.addAll(List.of("admin", "news"));
        Tokens tokens = Tokens.mint(principals, folder.resolve("tokens.yaml"));
        Subscribers subscribers = Subscribers.forAgencies(dataset.commitments().stream().map(c -> c.agency()).distinct().sorted().toList());
        Path subscriptions = subscribers.write(folder.resolve("subscriptions.yaml"));
        String bootstrap = broker.bootstrapServers();
        try (FaultySmtpServer smtp = FaultySmtpServer.start(FreePorts.next(), Optional.empty());
             Stack stack = Stack.start(new StackConfig(jars, bootstrap, prefix, PARTITIONS, folder, tokens.file(), subscriptions,
                     smtp.port(), Map.of("processor", Map.of("VIGIA_GRACE", grace(mode.tick())))));
             EventTimeWriter writer = new EventTimeWriter(bootstrap, topics)) {
            RunContext ctx = new RunContext(broker, stack, smtp, topics, tokens, dataset, writer);
            fault.arm(ctx);
            Intruders intruders = fault.name().equals("no-fault") ? new Intruders() : null;
            if (intruders != null) {
                ctx.atFraction(0.5, () -> intruders.attempt(ctx));
            }
            PlanDriver driver = new PlanDriver(new IngestClient(stack.ingest().url()), tokens, writer);
            int rate = fault.clients() > 1 ? 0 : mode.steadyRate();
            DriveLog drive = driver.drive(dataset, new PlanDriver.Options(mode.tick(), mode.stream(), fault.clients(), rate,
                    Instant.now().plus(mode.stream()).plus(Duration.ofMinutes(8))), ctx::beforeStep);
            out.printf("  stream sent in %.1f s%n", drive.seconds());
            ctx.awaitBackground(Duration.ofMinutes(4));
            fault.afterStream(ctx);
            new Drain(bootstrap, topics, prefix, stack, smtp, out, mode.settleBounds()).await();
            RunOutcome outcome = readOutcome(ctx, subscribers);
            fault.verify(ctx, outcome);
            if (intruders != null) {
                intruders.verify(ctx, outcome);
            }
            return new RunResult(fault.name(), drive, outcome, ctx.checks(), ctx.notes(), null, (System.nanoTime() - t0) / 1e9);
        } finally {
            deleteTopics(bootstrap, prefix);
        }
    }

    /** What the run left, read once it settled; how long the reading took (topics, then the delivery log) is printed. */
    private RunOutcome readOutcome(RunContext ctx, Subscribers subscribers) {
        long t0 = System.nanoTime();
        long[] logStart = {0};
        RunOutcome outcome = RunOutcome.read(ctx.broker().bootstrapServers(), ctx.topics(), ctx.smtp().deliveries(), subs -> {
            logStart[0] = System.nanoTime();
            return DeliveryLog.read(ctx.stack().alertServices().stream().map(Service::url).toList(), subs,
                    ctx.tokens().of("admin"));
        }, subscribers.emails());
        long end = System.nanoTime();
        DeliveryLog log = outcome.deliveryLog();
        out.printf("  read in %.1f s: topics %.1f s, delivery log %.1f s (%,d entries from %d instances in %,d requests, "
                        + "%d unanswered)%n", (end - t0) / 1e9, (logStart[0] - t0) / 1e9, (end - logStart[0]) / 1e9,
                log.entriesRead(), ctx.stack().alertServices().size(), log.requests(), log.unanswered());
        ctx.check("delivery log read", log.unanswered() == 0, log.unanswered() == 0
                ? "every page answered by both instances" : log.unanswered() + " requests got no 200 within a minute");
        return outcome;
    }

    /**
     * The processor's grace: two of the driver's steps. A step's records reach up to its tick, and a
     * task may read one partition's next step before another partition's current one, so anything
     * less would date some time-driven alerts by fetch order instead of by the data.
     */
    static String grace(Duration tick) {
        return tick.multipliedBy(2).toSeconds() + "s";
    }

    private static void deleteTopics(String bootstrap, String prefix) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<String> mine = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> t.startsWith(prefix)).toList();
            admin.deleteTopics(mine).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a broker left behind by a failed run: its folder is deleted with the work folder
        }
    }

    public static Path freshFolder(Path base) {
        try {
            Path dir = base.resolve("run-" + Instant.now().toString().replace(':', '-'));
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
