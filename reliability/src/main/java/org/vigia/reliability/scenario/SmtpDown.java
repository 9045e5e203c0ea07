package org.vigia.reliability.scenario;

import java.time.Duration;

/** The SMTP server goes away (port closed, connections dropped) at 30 % of the stream for a minute, then comes back. */
final class SmtpDown implements Fault {
    @Override
    public String name() {
        return "smtp-down-60s";
    }

    @Override
    public void arm(RunContext ctx) {
        ctx.inBackgroundAt(0.3, "smtp-down", () -> {
            ctx.smtp().goAway();
            RunContext.pause(Duration.ofSeconds(60));
            ctx.smtp().comeBack();
            ctx.note("SMTP server away for 60 s from 30% of the stream");
        });
    }
}
