package org.vigia.reliability.scenario;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.vigia.events.Commitment;
import org.vigia.reliability.compare.RunOutcome;
import org.vigia.reliability.kafka.TopicSnapshot;
import org.vigia.reliability.stack.Service;

/**
 * processor-2 {@code kill -9}ed at 40 % of the stream. While it is down the survivor is asked
 * for every commitment (2 s each; a key that did not answer 200 is asked again until the peer
 * comes back) and for the whole list, and the alerts topic must keep growing; 30 s after the
 * kill processor-2 starts again on its state folder, and at the end both answer for every key.
 * The check is that every key was answered while the peer was down; how many answered at the
 * first try, and what the others answered first, is reported (on two shared cores running five
 * service JVMs, a 2 s answer is a matter of load as much as of availability).
 */
final class ProcessorKill implements Fault {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration DOWN = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "processor-kill9";
    }

    @Override
    public void arm(RunContext ctx) {
        ctx.inBackgroundAt(0.4, "processor-kill9", () -> {
            Service victim = ctx.stack().processors().get(1);
            Service survivor = ctx.stack().processors().get(0);
            long alertsBefore = records(ctx);
            long killedAt = System.nanoTime();
            victim.kill9();
            RunContext.pause(Duration.ofSeconds(2));
            Sweep keys = sweep(survivor.url(), ids(ctx), killedAt + DOWN.toNanos() - Duration.ofSeconds(3).toNanos());
            int list = status(survivor.url().resolve("/api/v1/commitments"), Duration.ofSeconds(15));
            long remaining = DOWN.toNanos() - (System.nanoTime() - killedAt);
            if (remaining > 0) {
                RunContext.pause(Duration.ofNanos(remaining));
            }
            long alertsDuring = records(ctx) - alertsBefore;
            ctx.check("survivor answered every key while its peer was down", keys.answered == keys.asked,
                    keys.answered + "/" + keys.asked + " keys answered 200, " + keys.firstTry + " at the first try within 2 s"
                            + (keys.firstFailures.isEmpty() ? "" : " (the others first: " + keys.firstFailures + ")")
                            + "; the last answered " + (2 + (int) keys.seconds) + " s after the kill");
            ctx.check("survivor answered the whole list while its peer was down", list == 200,
                    "GET /api/v1/commitments answered " + (list == 0 ? "nothing within 15 s" : String.valueOf(list)));
            ctx.check("alerts kept coming while the peer was down", alertsDuring > 0,
                    alertsDuring + " alert records written in the " + DOWN.toSeconds() + " s after the kill");
            long t0 = System.nanoTime();
            victim.restart(Duration.ofMinutes(3));
            ctx.note("processor-2 killed (SIGKILL) at 40% of the stream, restarted " + DOWN.toSeconds()
                    + " s later, ready again after " + String.format("%.1f", (System.nanoTime() - t0) / 1e9) + " s");
        });
    }

    @Override
    public void verify(RunContext ctx, RunOutcome outcome) {
        for (Service p : ctx.stack().processors()) {
            Sweep s = sweep(p.url(), ids(ctx), System.nanoTime());
            ctx.check(p.name() + " answers every key after the rejoin", s.answered == s.asked, s.answered + "/" + s.asked);
        }
    }

    private static List<String> ids(RunContext ctx) {
        return ctx.dataset().commitments().stream().map(Commitment::id).toList();
    }

    private static long records(RunContext ctx) {
        long[] n = {0};
        TopicSnapshot.forEach(ctx.stack().config().bootstrap(), ctx.topics().alerts.name(), (tp, r) -> n[0]++);
        return n[0];
    }

    /** {@code firstFailures}: what the keys that did not answer 200 at the first try answered then (0: nothing within 2 s). */
    private record Sweep(int asked, int answered, int firstTry, Map<Integer, Integer> firstFailures, double seconds) {
    }

    /** Asks for every key (2 s each, 32 at a time); keys not answered 200 are asked again until {@code retryUntil} (nanoTime). */
    private static Sweep sweep(URI base, List<String> ids, long retryUntil) {
        long t0 = System.nanoTime();
        Map<Integer, Integer> firstFailures = new TreeMap<>();
        List<String> left = ask(base, ids, firstFailures);
        int firstTry = ids.size() - left.size();
        while (!left.isEmpty() && System.nanoTime() < retryUntil) {
            RunContext.pause(Duration.ofMillis(500));
            left = ask(base, left, new TreeMap<>());
        }
        return new Sweep(ids.size(), ids.size() - left.size(), firstTry, firstFailures, (System.nanoTime() - t0) / 1e9);
    }

    /** The keys that did not answer 200; what they answered counted in {@code failures}. */
    private static List<String> ask(URI base, List<String> ids, Map<Integer, Integer> failures) {
        List<String> left = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CompletableFuture.allOf(ids.stream().map(id -> CompletableFuture.runAsync(() -> {
                int status = status(base.resolve("/api/v1/commitments/" + id), Duration.ofSeconds(2));
                if (status != 200) {
                    left.add(id);
                    synchronized (failures) {
                        failures.merge(status, 1, Integer::sum);
                    }
                }
            }, pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(left);
    }

    private static int status(URI uri, Duration timeout) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
