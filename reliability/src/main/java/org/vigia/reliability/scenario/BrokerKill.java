package org.vigia.reliability.scenario;

import java.time.Duration;
import org.vigia.reliability.compare.RunOutcome;
import org.vigia.reliability.process.ReadyProbe;
import org.vigia.reliability.stack.Service;

/** The broker {@code kill -9}ed at 40 % of the stream and started again on the same ports and data folder 8 s later. */
final class BrokerKill implements Fault {
    @Override
    public String name() {
        return "broker-kill9";
    }

    @Override
    public void arm(RunContext ctx) {
        ctx.inBackgroundAt(0.4, "broker-kill9", () -> {
            ctx.broker().kill9();
            RunContext.pause(Duration.ofSeconds(8));
            long t0 = System.nanoTime();
            ctx.broker().restart();
            ctx.note("broker killed (SIGKILL) at 40% of the stream, back " + String.format("%.1f", (System.nanoTime() - t0) / 1e9)
                    + " s after its restart began (8 s down)");
        });
    }

    @Override
    public void verify(RunContext ctx, RunOutcome outcome) {
        for (Service s : ctx.stack().all()) {
            ctx.check(s.name() + " ready after the broker came back", ReadyProbe.ready(s.url()), s.url() + "/ready");
        }
    }
}
