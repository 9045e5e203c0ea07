package org.vigia.reliability.scenario;

import java.time.Duration;
import java.util.OptionalDouble;
import org.vigia.reliability.stack.Service;

/**
 * alert-service-2 {@code kill -9}ed from 30 % of the stream as soon as its
 * {@code vigia_notifications_pending} gauge shows notifications it holds (grouped, not yet
 * sent), then started again 5 s later.
 */
final class AlertServiceKill implements Fault {
    @Override
    public String name() {
        return "alert-service-kill9";
    }

    @Override
    public void arm(RunContext ctx) {
        ctx.inBackgroundAt(0.3, "alert-service-kill9", () -> {
            Service victim = ctx.stack().alertServices().get(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            double pending = 0;
            while (System.nanoTime() < deadline) {
                OptionalDouble p = Metrics.sum(victim.url(), "vigia_notifications_pending", null);
                if (p.isPresent() && p.getAsDouble() >= 3) {
                    pending = p.getAsDouble();
                    break;
                }
                RunContext.pause(Duration.ofMillis(50));
            }
            victim.kill9();
            ctx.check("killed while holding pending notifications", pending > 0,
                    (int) pending + " notification(s) pending at the kill");
            RunContext.pause(Duration.ofSeconds(5));
            victim.restart(Duration.ofMinutes(2));
            ctx.note("alert-service-2 killed (SIGKILL) holding " + (int) pending + " pending notification(s), restarted 5 s later");
        });
    }
}
