package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.AlertMetrics;
import org.vigia.alerts.mail.EmailComposer;
import org.vigia.alerts.mail.Mailer;
import org.vigia.alerts.mail.MessageIds;
import org.vigia.alerts.mail.SendReport;
import org.vigia.alerts.mail.SendReport.Outcome;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationLog;
import org.vigia.alerts.notification.NotificationState;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Language;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.alerts.subscription.Subscriptions;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;

/**
 * One send pass with two emails that carry the same notification to different addresses (a
 * retry to one address with an older alert, the newer alert alone to another): whichever goes
 * first, each email's outcome is recorded on top of the other's. The order of the two emails
 * in a pass follows the delivery log's iteration, so the test runs several pairs of alert ids
 * and checks that both orders were seen. (RecipientRefusalIT runs the same against SMTP.)
 */
class SendPassTest {
    private static final String WORKING = "alertas@cidac.example";
    private static final String BUSY = "ocupado@cidac.example";
    private static final Outcome BUSY_NOW = new Outcome(SendReport.Result.TEMPORARY, "451 try later", "smtp", 451);
    private static final Subscription CIDAC = new Subscription("cidac", "CIDAC", List.of(WORKING, BUSY), Language.EN,
            Fixtures.agencies("PGR"), Delivery.IMMEDIATE);

    /** Answers each address from a script (then accepts), and records what it accepted. */
    private static final class ScriptedMailer implements Mailer {
        final Map<String, Deque<Outcome>> script = new HashMap<>();
        final List<String> accepted = new ArrayList<>();
        final Set<String> breaksOn = new HashSet<>();

        @Override
        public SendReport send(org.vigia.alerts.mail.Email email) {
            if (breaksOn.contains(email.to() + " " + email.messageId())) {
                throw new IllegalStateException("a mail stage broke on " + email.messageId());
            }
            Map<String, Outcome> byAddress = new HashMap<>();
            for (String to : email.to()) {
                Deque<Outcome> next = script.get(to);
                Outcome o = next == null || next.isEmpty() ? Outcome.ACCEPTED : next.poll();
                byAddress.put(to, o);
                if (o.result() == SendReport.Result.ACCEPTED) {
                    accepted.add(to + " " + email.messageId());
                }
            }
            return new SendReport(byAddress);
        }
    }

    @Test
    void twoEmailsInOnePassThatShareANotificationEachKeepTheirOutcomeWhicheverGoesFirst() {
        Set<String> firstInThePass = new HashSet<>();
        for (int pair = 0; pair < 8; pair++) {
            firstInThePass.add(run("stall-pgr-" + pair + "-a", "stall-pgr-" + pair + "-b"));
        }
        assertThat(firstInThePass).as("the address whose email went first in the shared pass, across the pairs")
                .containsExactlyInAnyOrder(WORKING, BUSY);
    }

    /**
     * The same pass, with the email that carries the second alert alone to WORKING breaking in a
     * stage (not an SMTP answer): that address is recorded as failed for the second alert, with
     * the reason, and set aside once; BUSY's email with both alerts still goes, in the same pass.
     */
    @Test
    void anEmailThatCannotBeSentDoesNotTakeTheSubscribersOtherEmailsOfThePassWithIt() {
        ScriptedMailer mailer = new ScriptedMailer();
        Alert first = Fixtures.alert("stall-pgr-x-a", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING);
        Alert second = Fixtures.alert("stall-pgr-x-b", "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING);
        String secondAlone = MessageIds.of(List.of(identity(second)));
        mailer.breaksOn.add(List.of(WORKING) + " " + secondAlone); // its retry to WORKING alone, in the shared pass
        List<RuntimeException> setAside = new ArrayList<>();
        Outbox outbox = story(mailer, first, second, setAside);

        assertThat(setAside).extracting(Throwable::getMessage).containsExactly("a mail stage broke on " + secondAlone);
        assertThat(mailer.accepted).containsExactlyInAnyOrder(WORKING + " " + MessageIds.of(List.of(identity(first))),
                BUSY + " " + MessageIds.of(List.of(identity(first), identity(second))));
        Notification n = notification(outbox, second);
        assertThat(n.recipients()).extracting(r -> r.id() + " " + r.state()).containsExactlyInAnyOrder(
                org.vigia.alerts.notification.Recipient.idOf(WORKING) + " FAILED",
                org.vigia.alerts.notification.Recipient.idOf(BUSY) + " SENT");
        assertThat(n.recipients()).filteredOn(r -> r.state() == NotificationState.FAILED).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("could not be sent: IllegalStateException: a mail stage broke on "
                        + secondAlone));
        assertThat(notification(outbox, first).state()).isEqualTo(NotificationState.SENT);
    }

    /** The two-alert story for one pair of alert ids; returns the address served first in the shared pass. */
    private static String run(String firstId, String secondId) {
        ScriptedMailer mailer = new ScriptedMailer();
        List<RuntimeException> setAside = new ArrayList<>();
        Alert first = Fixtures.alert(firstId, "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING);
        Alert second = Fixtures.alert(secondId, "PGR", AlertType.STALLED, AlertStatus.FIRING, Severity.WARNING);
        int[] before = new int[1];
        Outbox outbox = story(mailer, first, second, setAside, before);

        String both = MessageIds.of(List.of(identity(first), identity(second)));
        String secondAlone = MessageIds.of(List.of(identity(second)));
        assertThat(setAside).as("groups set aside").isEmpty();
        assertThat(mailer.accepted).as("every address gets each alert once (%s, %s)", firstId, secondId)
                .containsExactlyInAnyOrder(WORKING + " " + MessageIds.of(List.of(identity(first))), WORKING + " " + secondAlone,
                        BUSY + " " + both);
        for (Notification n : List.of(notification(outbox, first), notification(outbox, second))) {
            assertThat(n.state()).as("%s", n.identity()).isEqualTo(NotificationState.SENT);
        }
        return mailer.accepted.get(before[0]).substring(0, mailer.accepted.get(before[0]).indexOf(' '));
    }

    private static Outbox story(ScriptedMailer mailer, Alert first, Alert second, List<RuntimeException> setAside) {
        return story(mailer, first, second, setAside, new int[1]);
    }

    /**
     * First alert: accepted by WORKING, BUSY retries. Second: both addresses retry. Then one pass
     * owes BUSY both and WORKING the second: two emails in one pass. {@code before[0]}: how many
     * emails were accepted before that pass.
     */
    private static Outbox story(ScriptedMailer mailer, Alert first, Alert second, List<RuntimeException> setAside,
                                int[] before) {
        mailer.script.put(BUSY, new ArrayDeque<>(List.of(BUSY_NOW, BUSY_NOW)));
        mailer.script.put(WORKING, new ArrayDeque<>(List.of(Outcome.ACCEPTED, BUSY_NOW)));
        Grouper grouper = new Grouper(Duration.ofSeconds(1), new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("UTC")));
        Sender sender = new Sender(mailer, new EmailComposer(URI.create("http://panel.vigia.example/"), ZoneId.of("UTC"),
                "suscripciones@vigia.example"), new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10)));
        AlertPipeline pipeline = new AlertPipeline(new AlertPipeline.Stages(new Router(), new Deduper(),
                new Reminders(Duration.ZERO, grouper), grouper, new SilenceStage(), sender, 0),
                () -> new Subscriptions(List.of(CIDAC)), List::of, new AlertMetrics(new SimpleMeterRegistry()), 20);
        Outbox outbox = pipeline.outbox(NotificationLog.inMemory());
        pipeline.accept("cidac", first, at(0), outbox, at(0));
        passes(pipeline, outbox, at(1), setAside); // the first: accepted by WORKING, BUSY retries at 11 s
        pipeline.accept("cidac", second, at(2), outbox, at(2));
        passes(pipeline, outbox, at(3), setAside); // the second: both addresses retry at 13 s
        before[0] = mailer.accepted.size();
        passes(pipeline, outbox, at(20), setAside); // BUSY owed both, WORKING the second: two emails in one pass
        passes(pipeline, outbox, at(30), setAside);
        return outbox;
    }

    private static void passes(AlertPipeline pipeline, Outbox outbox, Instant now, List<RuntimeException> setAside) {
        for (int i = 0; i < 3; i++) {
            pipeline.dispatch(outbox, now, (group, e) -> setAside.add(e));
        }
    }

    private static Notification notification(Outbox outbox, Alert a) {
        return outbox.log().about("cidac", a.alertId()).get(0);
    }

    private static String identity(Alert a) {
        return "cidac|" + a.alertId() + "|FIRING|WARNING";
    }

    private static Instant at(double seconds) {
        return Fixtures.NOW.plusMillis(Math.round(seconds * 1000));
    }
}
