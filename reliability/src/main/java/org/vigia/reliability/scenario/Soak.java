package org.vigia.reliability.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.vigia.ingest.replay.Dataset;
import org.vigia.reliability.compare.Comparison;
import org.vigia.reliability.compare.RunOutcome;
import org.vigia.reliability.plan.GeneratedPlan;
import org.vigia.reliability.plan.PlanShape;
import org.vigia.reliability.plan.SyntheticPlan;
import org.vigia.reliability.process.BrokerProcess;
import org.vigia.reliability.process.Jars;
import org.vigia.reliability.stack.Service;

/**
 * The long run, by hand: a plan of 2,000 commitments with enough extra reports spread over
 * its weeks that the driver posts {@code rate} updates a second for {@code minutes}, with a
 * tick every 7 days of event time, nothing injected. Every 30 s, from the start of the stream
 * until the run's outcome is read, it samples the heap of each process
 * ({@code jvm_memory_used_bytes{area="heap"}} from {@code /metrics}) and the size of each
 * processor's state folder (RocksDB), and prints the sample as it is taken (so a run stopped
 * half-way keeps them). After the stream it waits for the processors to catch up, however long
 * that takes up to {@code settle} (they fall minutes behind at the soak's rate), and for the
 * alert services and the email to settle, within the same bound each; then it prints the
 * samples again and the same measures as the quick mode (nothing may be lost; repeats are
 * reported).
 */
public final class Soak {
    private final Jars jars;
    private final Path work;
    private final PrintStream out;
    private final int minutes;
    private final int rate;
    private final Duration settle;

    public Soak(Jars jars, Path work, PrintStream out, int minutes, int rate, Duration settle) {
        this.jars = jars;
        this.work = work;
        this.out = out;
        this.minutes = minutes;
        this.rate = rate;
        this.settle = settle;
    }

    public int run() {
        int target = rate * minutes * 60;
        GeneratedPlan base = SyntheticPlan.generate(21, 2_000, PlanShape.standard(), work.resolve("plan-base"));
        GeneratedPlan plan = SyntheticPlan.generate(21, 2_000, PlanShape.standard().withFiller(Math.max(0, target - base.updates())),
                work.resolve("plan"));
        out.printf("soak: %d commitments, %d updates over %d min (%d/s), ticks every 7 days; settling bounded by %d min%n",
                plan.commitments(), plan.updates(), minutes, rate, settle.toMinutes());
        Mode mode = new Mode("soak", 21, 2_000, Duration.ofMinutes(minutes), Duration.ofDays(7), rate, 0, List.of(), settle);
        Dataset dataset = Dataset.load(plan.folder());
        Sampler sampler = new Sampler(out);
        RunResult r;
        try (BrokerProcess broker = BrokerProcess.start(work.resolve("broker/data"), work.resolve("broker/broker.log"))) {
            r = new Suite(mode, jars, work, out).runOne(broker, sampler, dataset, plan, 0);
        }
        r = r.compared(Comparison.between(r.outcome(), r.outcome(), r.drive().intended(), r.drive().accepted(), Set.of()));
        out.println();
        out.println("samples (heap used in MiB per process; processors' state folders in MiB):");
        sampler.lines.forEach(out::println);
        Report.print(List.of(r), out);
        return r.failed() ? 1 : 0;
    }

    /**
     * The "fault" of the soak: none, only a sampler thread from the start of the stream until the
     * outcome is read (so the processors' catch-up is sampled too), each sample printed as taken.
     */
    private static final class Sampler implements Fault {
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final PrintStream out;
        private volatile String phase = "stream";
        private volatile boolean running = true;

        Sampler(PrintStream out) {
            this.out = out;
        }

        @Override
        public String name() {
            return "soak";
        }

        @Override
        public void arm(RunContext ctx) {
            Thread t = new Thread(() -> {
                long t0 = System.nanoTime();
                out.println("  samples every 30 s (heap used in MiB per process; processors' state folders in MiB):");
                while (running) {
                    take(ctx, t0);
                    RunContext.pause(Duration.ofSeconds(30));
                }
            }, "soak-sampler");
            t.setDaemon(true);
            t.start();
        }

        private void take(RunContext ctx, long t0) {
            String line = sample(ctx, (System.nanoTime() - t0) / 1e9) + "  (" + phase + ")";
            lines.add(line);
            out.println(line);
        }

        @Override
        public void afterStream(RunContext ctx) {
            phase = "settling";
        }

        /** Runs once the outcome is read: the sampler stops (its last sample is the one before). */
        @Override
        public void verify(RunContext ctx, RunOutcome outcome) {
            running = false;
        }

        private static String sample(RunContext ctx, double seconds) {
            StringBuilder b = new StringBuilder(String.format("  %6.0f s", seconds));
            for (Service s : ctx.stack().all()) {
                double heap = Metrics.sum(s.url(), "jvm_memory_used_bytes", "area=\"heap\"").orElse(-1);
                b.append(String.format("  %s %.0f", s.name(), heap / 1048576));
            }
            for (Service p : ctx.stack().processors()) {
                long bytes = size(ctx.stack().config().folder().resolve(p.name()).resolve("state"));
                b.append(bytes < 0 ? String.format("  %s-state ?", p.name())
                        : String.format("  %s-state %.1f", p.name(), bytes / 1048576.0));
            }
            return b.toString();
        }

        /** The folder's size; -1 if RocksDB kept deleting files under the walk (a compaction) three times running. */
        private static long size(Path dir) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (Stream<Path> files = Files.walk(dir)) {
                    return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                } catch (IOException | java.io.UncheckedIOException e) {
                    // a file removed between listing and reading: walk again
                }
            }
            return -1;
        }
    }
}
