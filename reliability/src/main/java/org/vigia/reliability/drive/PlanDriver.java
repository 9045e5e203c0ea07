package org.vigia.reliability.drive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.Commitment;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;
import org.vigia.ingest.replay.Dataset;
import org.vigia.ingest.replay.Timeline;
import org.vigia.reliability.kafka.EventTimeWriter;
import org.vigia.reliability.stack.Tokens;

/**
 * Drives a dataset through the running stack in event time, step by step, in lockstep with
 * its own clock. The steps are ingest's replay {@link Timeline} (the same split into ticks);
 * for each step, in this order:
 * <ol>
 *   <li>registry entries and amendments are written to {@code vigia.commitments} stamped with
 *       their own time (the HTTP API stamps registry writes with the server's clock, which would
 *       throw event time years ahead);</li>
 *   <li>the step's progress updates are POSTed to ingest's API with each reporter's real token,
 *       in batches of at most 500, until ingest accepts each batch (202);</li>
 *   <li>its news items are POSTed with the {@code news} token;</li>
 *   <li>only then the step's tick goes to every clock partition, in one transaction, naming
 *       the last progress and registry record of its partition (the processor holds it until
 *       it has read them).</li>
 * </ol>
 * So every run of the same dataset puts the same records on every partition, with each tick
 * after everything it closes: the processor judges them identically, which is what makes a
 * faulty run comparable record by record with a clean one. Pacing (steps spread over a wall
 * duration) decides only when a step is written, never what it holds. A refused or failed
 * request (503, no answer) is sent again — the same update ids, which the processor ignores if
 * the first attempt had landed — until the deadline; 404 and unknown-milestone answers are
 * retried too, while ingest's view of the registry catches up with what was written to Kafka.
 */
public final class PlanDriver {
    private static final Logger log = LoggerFactory.getLogger(PlanDriver.class);
    private static final int BATCH = 500;

    /**
     * @param tick      event time between ticks (the suite uses 7 days)
     * @param stream    wall time over which the steps are spread
     * @param clients   parallel HTTP clients for a step's updates (each owns a share of the commitments, so the
     *                  updates of one commitment always go in order). With more than one, records of
     *                  different commitments interleave on a partition in whatever order the clients' writes
     *                  commit: the same records, not the same sequence.
     * @param maxRate   updates per second at most (0: no limit)
     * @param deadline  after this, a request still failing fails the run
     */
    public record Options(Duration tick, Duration stream, int clients, int maxRate, Instant deadline) {
    }

    /** Called before each step: where faults are injected. */
    @FunctionalInterface
    public interface StepHook {
        void beforeStep(int index, int steps);
    }

    private final IngestClient ingest;
    private final Tokens tokens;
    private final EventTimeWriter writer;

    public PlanDriver(IngestClient ingest, Tokens tokens, EventTimeWriter writer) {
        this.ingest = ingest;
        this.tokens = tokens;
        this.writer = writer;
    }

    public DriveLog drive(Dataset dataset, Options options, StepHook hook) {
        Timeline timeline = Timeline.of(dataset, options.tick(), Optional.empty());
        DriveLog driveLog = new DriveLog();
        dataset.progress().forEach(u -> driveLog.intend(u.updateId()));
        List<Timeline.Step> steps = timeline.steps();
        long start = System.nanoTime();
        double perStep = (double) options.stream().toNanos() / steps.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.clients()));
        driveLog.started();
        try {
            for (Timeline.Step step : steps) {
                long due = start + (long) (perStep * step.index());
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.min(due - System.nanoTime(), 50_000_000L));
                }
                hook.beforeStep(step.index(), steps.size());
                runStep(step, options, pool, driveLog);
            }
        } finally {
            pool.shutdownNow();
            driveLog.ended();
        }
        return driveLog;
    }

    /**
     * One step: its events in event-time order, written in runs of one kind — registry versions,
     * then the updates up to the next amendment, and so on — each run acknowledged before the
     * next, so what comes earlier in event time is on the broker earlier too; then the news, then
     * the tick.
     */
    private void runStep(Timeline.Step step, Options options, ExecutorService pool, DriveLog driveLog) {
        List<ProgressUpdate> updates = new ArrayList<>();
        List<NewsSignal> news = new ArrayList<>();
        List<EventTimeWriter.Version> registry = new ArrayList<>();
        for (Timeline.Event e : step.events()) {
            switch (e.kind()) {
                case REGISTRY, AMENDMENT -> {
                    postUpdates(updates, options, pool, driveLog);
                    updates.clear();
                    registry.add(new EventTimeWriter.Version((Commitment) e.value(), e.at()));
                }
                case PROGRESS -> {
                    writeRegistry(registry, options);
                    registry.clear();
                    updates.add((ProgressUpdate) e.value());
                }
                case NEWS -> news.add((NewsSignal) e.value());
            }
        }
        writeRegistry(registry, options);
        postUpdates(updates, options, pool, driveLog);
        for (int i = 0; i < news.size(); i += BATCH) {
            List<NewsSignal> batch = news.subList(i, Math.min(news.size(), i + BATCH));
            send(() -> ingest.postNews(tokens.of("news"), batch), options.deadline(), driveLog, "news");
        }
        writer.tick(step.tickAt(), options.deadline());
    }

    /** A run of registry versions, then a wait until ingest's view has them: the updates after them name them. */
    private void writeRegistry(List<EventTimeWriter.Version> versions, Options options) {
        if (!versions.isEmpty()) {
            ingest.awaitRegistryView(writer.commitments(versions, options.deadline()), options.deadline());
        }
    }

    private void postUpdates(List<ProgressUpdate> updates, Options options, ExecutorService pool, DriveLog driveLog) {
        int clients = Math.max(1, options.clients());
        if (updates.isEmpty()) {
            return;
        }
        List<List<ProgressUpdate>> shares = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            shares.add(new ArrayList<>());
        }
        for (ProgressUpdate u : updates) {
            shares.get(Math.floorMod(u.commitmentId().hashCode(), clients)).add(u);
        }
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (List<ProgressUpdate> share : shares) {
            if (share.isEmpty()) {
                continue;
            }
            Runnable work = () -> postShare(share, options, driveLog, started, clients);
            if (clients == 1) {
                work.run();
            } else {
                running.add(pool.submit(work));
            }
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** One client's updates of a step: batches per reporter, in the order of the dataset. */
    private void postShare(List<ProgressUpdate> share, Options options, DriveLog driveLog, long started, int clients) {
        Map<String, List<ProgressUpdate>> byReporter = new TreeMap<>();
        share.forEach(u -> byReporter.computeIfAbsent(u.reporter(), r -> new ArrayList<>()).add(u));
        long sent = 0;
        for (Map.Entry<String, List<ProgressUpdate>> e : byReporter.entrySet()) {
            String token = tokens.of(e.getKey());
            List<ProgressUpdate> all = e.getValue();
            for (int i = 0; i < all.size(); i += BATCH) {
                List<ProgressUpdate> batch = all.subList(i, Math.min(all.size(), i + BATCH));
                if (options.maxRate() > 0) {
                    long due = started + (long) (sent * 1e9 * clients / options.maxRate());
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                }
                IngestClient.Answer a = send(() -> ingest.postProgress(token, batch), options.deadline(), driveLog, e.getKey());
                if (a.accepted()) {
                    batch.forEach(u -> driveLog.accepted(u.updateId()));
                }
                sent += batch.size();
            }
        }
    }

    private IngestClient.Answer send(java.util.function.Supplier<IngestClient.Answer> request, Instant deadline,
                                     DriveLog driveLog, String who) {
        long backoff = 250;
        Instant registryGrace = null;
        while (true) {
            driveLog.request();
            IngestClient.Answer a = request.get();
            if (a.accepted()) {
                return a;
            }
            boolean registryLag = a.status() == 404 || (a.status() == 400 && a.body().contains("milestoneId"));
            boolean transientFailure = a.status() == 0 || a.status() == 503 || a.status() == 500 || a.status() == 502;
            if (registryLag) {
                registryGrace = registryGrace == null ? Instant.now().plusSeconds(60) : registryGrace;
                if (Instant.now().isAfter(registryGrace)) {
                    throw new IllegalStateException("ingest keeps refusing " + who + "'s batch (" + a.status() + "): " + a.body());
                }
            } else if (!transientFailure) {
                throw new IllegalStateException("ingest refused " + who + "'s batch with " + a.status() + ": " + a.body());
            }
            if (Instant.now().isAfter(deadline)) {
                log.warn("giving up on {}'s batch after the deadline: {} {}", who, a.status(), a.body());
                return a;
            }
            driveLog.retry(a.status());
            LockSupport.parkNanos(Duration.ofMillis(backoff).toNanos());
            backoff = Math.min(4000, backoff * 2);
        }
    }
}
