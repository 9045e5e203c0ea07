package org.vigia.reliability.scenario;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigia.events.Commitment;
import org.vigia.reliability.compare.RunOutcome;
import org.vigia.reliability.kafka.TopicSnapshot;
import org.vigia.reliability.stack.Service;

/**
 * processor-2 {@code kill -9}ed at 40 % of the stream. While it is down the survivor is asked
 * for every commitment (2 s each) and for the whole list, and the alerts topic must keep growing;
 * 30 s after the kill processor-2 starts again on its state folder, and at the end both answer
 * for every key.
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
            Sweep keys = sweep(survivor.url(), ids(ctx));
            int list = status(survivor.url().resolve("/api/v1/commitments"), Duration.ofSeconds(15));
            long remaining = DOWN.toNanos() - (System.nanoTime() - killedAt);
            if (remaining > 0) {
                RunContext.pause(Duration.ofNanos(remaining));
            }
            long alertsDuring = records(ctx) - alertsBefore;
            ctx.check("survivor answered every key while its peer was down", keys.answered == keys.asked,
                    keys.answered + "/" + keys.asked + " keys answered 200 within 2 s (swept 2–" + (2 + (int) keys.seconds)
                            + " s after the kill)");
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
            Sweep s = sweep(p.url(), ids(ctx));
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

    private record Sweep(int asked, int answered, double seconds) {
    }

    private static Sweep sweep(URI base, List<String> ids) {
        long t0 = System.nanoTime();
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CompletableFuture.allOf(ids.stream().map(id -> CompletableFuture.runAsync(() -> {
                if (status(base.resolve("/api/v1/commitments/" + id), Duration.ofSeconds(2)) == 200) {
                    ok.incrementAndGet();
                }
            }, pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        return new Sweep(ids.size(), ok.get(), (System.nanoTime() - t0) / 1e9);
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
