package org.vigia.reliability.scenario;

import java.util.Set;
import org.vigia.reliability.compare.RunOutcome;
import org.vigia.reliability.smtp.Delivery;
import org.vigia.reliability.stack.Subscribers;

/**
 * One subscription, three addresses: the SMTP server answers RCPT TO with 451 for one of them
 * until the stream ends (then accepts it: what was due to it must arrive later) and with 550
 * for another for the whole run (what was due to it is counted as refused, and the delivery
 * log must record the failure); the third always works.
 */
final class SmtpRefusal implements Fault {
    @Override
    public String name() {
        return "smtp-451-and-550";
    }

    @Override
    public void arm(RunContext ctx) {
        ctx.smtp().refuse(Subscribers.TEMPORARY, 451);
        ctx.smtp().refuse(Subscribers.PERMANENT, 550);
    }

    @Override
    public void afterStream(RunContext ctx) {
        ctx.smtp().accept(Subscribers.TEMPORARY);
        ctx.note("451 to " + Subscribers.TEMPORARY + " until the stream ended (" + ctx.smtp().refusals()
                .getOrDefault(Subscribers.TEMPORARY, 0) + " RCPT refused), 550 to " + Subscribers.PERMANENT
                + " throughout (" + ctx.smtp().refusals().getOrDefault(Subscribers.PERMANENT, 0) + " RCPT refused)");
    }

    @Override
    public Set<String> refusedForGood() {
        return Set.of(Subscribers.PERMANENT);
    }

    @Override
    public void verify(RunContext ctx, RunOutcome outcome) {
        int sent = 0;
        int recorded = 0;
        for (Delivery d : outcome.deliveries()) {
            if (!d.recipient().equals("enlace@red-rendicion.example")) {
                continue;
            }
            for (String n : outcome.deliveryLog().notificationsOf(d.messageId())) {
                if (n.startsWith("red-rendicion|")) {
                    sent++;
                    if (outcome.deliveryLog().recordedFailure(n)) {
                        recorded++;
                    }
                }
            }
        }
        ctx.check("the 550 recipient's failure is recorded in the delivery log", sent > 0 && recorded == sent,
                recorded + " of the " + sent + " notifications the subscription was sent (to its other addresses) record a"
                        + " failure for the refused address");
        long temporaryAfter = outcome.deliveries().stream().filter(d -> d.recipient().equals(Subscribers.TEMPORARY)).count();
        ctx.note(Subscribers.TEMPORARY + " received " + temporaryAfter + " email(s) in all (after the 451s were lifted or before)");
    }
}
