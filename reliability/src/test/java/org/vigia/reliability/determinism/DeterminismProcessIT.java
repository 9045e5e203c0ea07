package org.vigia.reliability.determinism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Topics;
import org.vigia.reliability.kafka.GroupProgress;
import org.vigia.reliability.kafka.TopicSnapshot;
import org.vigia.reliability.plan.GeneratedPlan;
import org.vigia.reliability.plan.PlanShape;
import org.vigia.reliability.plan.SyntheticPlan;
import org.vigia.reliability.process.BrokerProcess;
import org.vigia.reliability.process.FreePorts;
import org.vigia.reliability.process.JavaCommand;
import org.vigia.reliability.process.Jars;
import org.vigia.reliability.process.ProcessSpec;
import org.vigia.reliability.process.ReplayProcess;
import org.vigia.reliability.process.ServiceProcess;
import org.vigia.reliability.scenario.Metrics;
import org.vigia.reliability.stack.Service;

/**
 * The processor's promise that its output is a function of its input, on the real jar: one
 * dataset replayed (ingest's {@code replay}, as a process) through the stream-processor jar
 * twice — once as fast as possible, once spread over a minute or more with the processor
 * {@code kill -9}ed mid-way and started again on its state folder — must leave byte-identical
 * records, key by key, on {@code vigia.alerts} and {@code vigia.commitment-status}. The
 * inputs are the shipped Mexico plan and a generated plan of a thousand commitments with
 * stalls, resumes, disputes, amendments and news.
 *
 * <p>What it guards: a processor restarted after a kill catches up to a live replay, and Kafka
 * Streams may then read a task's clock partition ahead of its progress partition. The replay's
 * ticks name the offsets they follow and the judge holds them until it has read those
 * ({@code InputGate}); before that, a kill mid-processing left up to 556 of 1,007 keys of the
 * generated plan different. See reliability/README.md.
 */
class DeterminismProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofMinutes(3);

    @TempDir
    static Path dir;

    private static Path repo;
    private static Jars jars;
    private static BrokerProcess broker;

    @BeforeAll
    static void startBroker() {
        repo = Path.of(System.getProperty("vigia.repo", "..")).toAbsolutePath().normalize();
        jars = Jars.in(repo);
        broker = BrokerProcess.start(dir.resolve("broker/data"), dir.resolve("broker/broker.log"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
            keepLog(dir.resolve("broker/broker.log"), "broker");
        }
    }

    /**
     * Daily ticks: ingest's replay writes a step's registry versions before its reports, so a
     * step must be shorter than the gap between an amendment and its commitment's reports on
     * either side (the Mexico plan has reports days from its amendments; with weekly ticks a
     * run could apply an amendment before an earlier report of its week or after it, by timing).
     */
    @Test
    void theMexicoPlanGivesTheSameAlertsAndStatusesAtTwoSpeedsAndThroughAKill() {
        sameOutputAtTwoSpeeds("mexico", repo.resolve("data/mexico-2013-2015"), "1d", Duration.ofSeconds(180), 20);
    }

    @Test
    void aGeneratedPlanOfAThousandCommitmentsGivesTheSameAlertsAndStatusesAtTwoSpeedsAndThroughAKill() {
        GeneratedPlan plan = SyntheticPlan.generate(2026, 1000, PlanShape.standard(), dir.resolve("generated-plan"));
        System.out.printf("generated plan: %d commitments, %d updates, %d news, %d amendments %s%n", plan.commitments(),
                plan.updates(), plan.news(), plan.amendments(), plan.arcs());
        // Weekly ticks: the generator leaves more than ten days between a dropped milestone's last report and its amendment.
        sameOutputAtTwoSpeeds("generated", plan.folder(), "7d", Duration.ofSeconds(120), 500);
    }

    /**
     * Replays {@code dataset} with ticks of {@code tick} and a grace of one tick (one step of
     * the replay, as the processor's README asks), at full speed and then over {@code slow} with
     * a {@code kill -9}, and compares the two outputs.
     */
    private void sameOutputAtTwoSpeeds(String name, Path dataset, String tick, Duration slow, int atLeastAlerts) {
        Run fast = run(name + "-max", dataset, ReplayProcess.Pace.max(), tick, null);
        Run killed = run(name + "-slow-kill9", dataset, ReplayProcess.Pace.over(slow), tick, slow);

        List<String> differences = new ArrayList<>(ProcessorOutput.differences("alert", fast.output.alerts(),
                killed.output.alerts()));
        differences.addAll(ProcessorOutput.differences("status", fast.output.statuses(), killed.output.statuses()));
        System.out.printf("%s: %d alert records on %d keys %s, %d status records on %d commitments; replay at max speed "
                        + "%.1f s, slow replay %.1f s with the processor killed at %.1f s (%d alert records out by then); "
                        + "%d keys differ; records judged late (after the watermark): %.0f at max speed, %.0f after the"
                        + " restart%n",
                name, fast.output.alertRecords(), fast.output.alerts().size(), types(fast.output), fast.output.statusRecords(),
                fast.output.statuses().size(), fast.seconds, killed.seconds, killed.killedAt, killed.alertsAtKill,
                differences.size(), fast.late, killed.late);

        assertThat(fast.output.alertRecords()).as("alert records of the %s replay", name).isGreaterThanOrEqualTo(atLeastAlerts);
        assertThat(killed.alertsAtKill).as("the processor was killed mid-way: some alerts out, not all")
                .isPositive().isLessThan(killed.output.alertRecords());
        assertThat(differences).as("keys whose records differ between the two runs").isEmpty();
    }

    /** What one run left and how it went. */
    private record Run(ProcessorOutput output, double seconds, double killedAt, int alertsAtKill, double late) {
    }

    /**
     * One processor process on a fresh topic prefix, application id and state folder; the
     * dataset replayed into it; with {@code killWithin} set, the processor is killed with
     * SIGKILL once alerts have come out and 40 % of that time has passed, and started again on
     * the same folder. Returns once the processor has read everything, its own internal topics
     * included (its outputs are committed with its offsets, exactly once).
     */
    private Run run(String name, Path dataset, ReplayProcess.Pace pace, String tick, Duration killWithin) {
        String prefix = "det-" + name + ".";
        Topics topics = new Topics(prefix);
        Path folder = dir.resolve(name);
        String application = prefix + "processor";
        Service processor = startProcessor(folder, prefix, application, tick);
        try {
            long t0 = System.nanoTime();
            ServiceProcess replay = ReplayProcess.start(jars.ingest(), dataset, pace, List.of("--tick", tick),
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "VIGIA_TOPIC_PREFIX", prefix),
                    folder.resolve("replay"), folder.resolve("replay/replay.log"));
            double killedAt = 0;
            int alertsAtKill = 0;
            if (killWithin != null) {
                await("alerts out and 40 % of the slow replay gone").atMost(killWithin.plusMinutes(2))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> (System.nanoTime() - t0) >= killWithin.toNanos() * 4 / 10
                                && !TopicSnapshot.all(broker.bootstrapServers(), topics.alerts.name()).isEmpty());
                assertThat(replay.alive()).as("the replay is still running when the processor is killed").isTrue();
                processor.kill9();
                killedAt = (System.nanoTime() - t0) / 1e9;
                alertsAtKill = TopicSnapshot.all(broker.bootstrapServers(), topics.alerts.name()).size();
                processor.restart(READY);
            }
            int exit = replay.awaitExit(Duration.ofMinutes(10));
            assertThat(exit).as("replay exit code; its log ends with:%n%s", replay.tail(20)).isZero();
            double seconds = (System.nanoTime() - t0) / 1e9;
            awaitCaughtUp(application, topics);
            // Counted by the running process only: after a kill, since its restart.
            double late = Metrics.sum(processor.url(), "vigia_processor_late_records_total", null).orElse(0);
            return new Run(ProcessorOutput.read(broker.bootstrapServers(), topics), seconds, killedAt, alertsAtKill, late);
        } finally {
            processor.process().stop(Duration.ofSeconds(30));
            keepLog(folder.resolve("processor/processor.log"), name + "-processor");
            keepLog(folder.resolve("replay/replay.log"), name + "-replay");
        }
    }

    private Service startProcessor(Path folder, String prefix, String application, String grace) {
        int port = FreePorts.next();
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("VIGIA_TOPIC_PREFIX", prefix);
        env.put("VIGIA_PARTITIONS", "6");
        env.put("VIGIA_HTTP_HOST", "127.0.0.1");
        env.put("VIGIA_HTTP_PORT", String.valueOf(port));
        env.put("VIGIA_ADVERTISED_HOST", "127.0.0.1:" + port);
        env.put("VIGIA_APPLICATION_ID", application);
        env.put("VIGIA_STATE_DIR", folder.resolve("processor/state").toString());
        env.put("VIGIA_GRACE", grace);
        env.put("VIGIA_LOG_LEVEL", System.getProperty("vigia.determinism.logLevel", "INFO"));
        String idle = System.getProperty("vigia.determinism.maxTaskIdle");
        if (idle != null) {
            env.put("VIGIA_MAX_TASK_IDLE", idle);
        }
        Path work = folder.resolve("processor");
        ServiceProcess p = ServiceProcess.start(new ProcessSpec("processor", JavaCommand.jar(jars.processor(),
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC"), List.of()),
                env, work, work.resolve("processor.log")));
        Service service = new Service(p, URI.create("http://127.0.0.1:" + port));
        service.awaitReady(READY);
        return service;
    }

    /** A process's log outlives the run's folder, for a post-mortem: {@code target/determinism-logs/}. */
    private static void keepLog(Path log, String name) {
        try {
            if (!java.nio.file.Files.exists(log)) {
                return;
            }
            Path kept = Path.of("target", "determinism-logs", name + ".log");
            java.nio.file.Files.createDirectories(kept.getParent());
            java.nio.file.Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Caught up on every input and internal partition twice in a row, a second apart. */
    private static void awaitCaughtUp(String application, Topics topics) {
        List<String> inputs = List.of(topics.commitments.name(), topics.progress.name(), topics.news.name(), topics.clock.name());
        AtomicInteger inARow = new AtomicInteger();
        await("the processor has read every input and internal topic").atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> GroupProgress.behind(broker.bootstrapServers(), application, inputs).isEmpty()
                        ? inARow.incrementAndGet() >= 2 : inARow.getAndSet(0) < 0);
    }

    /** Alert records per type, for the log line: shows the input exercised more than one rule. */
    private static Map<String, Integer> types(ProcessorOutput output) {
        Map<String, Integer> types = new TreeMap<>();
        output.alerts().values().forEach(records -> records.forEach(r -> {
            try {
                types.merge(r == null ? "tombstone" : JSON.readTree(r).path("type").asText(), 1, Integer::sum);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        return types;
    }
}
