package org.vigia.alerts.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.vigia.alerts.mail.Email;
import org.vigia.alerts.mail.EmailComposer;
import org.vigia.alerts.mail.Mailer;
import org.vigia.alerts.mail.SendReport;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.Recipient;
import org.vigia.alerts.subscription.Subscription;

/**
 * Stage: send with retry, per recipient. The owed notifications of one subscriber are sent to
 * each address that still needs them and whose retry time has come; addresses that need the
 * same notifications share one email (one SMTP transaction). What the server answers each
 * address decides that copy alone: accepted; refused for now (4xx, a connection or
 * authentication error: retried with backoff, for that address only); or refused for good
 * (5xx: recorded as failed with the server's reason). A copy for an address that left the
 * subscription is dropped.
 */
public final class Sender {
    private final Mailer mailer;
    private final EmailComposer composer;
    private final Backoff backoff;

    /** What one attempt did: the notifications as they now stand, the emails, and each outcome for the metrics. */
    public record Attempt(List<Notification> updated, List<Email> emails, List<SendReport.Outcome> outcomes) {
        public boolean anyAccepted() {
            return outcomes.stream().anyMatch(o -> o.result() == SendReport.Result.ACCEPTED);
        }
    }

    public Sender(Mailer mailer, EmailComposer composer, Backoff backoff) {
        this.mailer = mailer;
        this.composer = composer;
        this.backoff = backoff;
    }

    /** True if some copy of these notifications may be tried now. */
    public boolean anyDue(List<Notification> owed, Instant now) {
        return owed.stream().anyMatch(n -> !n.dueRecipients(now).isEmpty());
    }

    public Attempt send(Subscription to, List<Notification> owed, Instant now) {
        Map<String, String> addressById = new HashMap<>();
        to.emails().forEach(a -> addressById.put(Recipient.idOf(a), a));
        Map<String, Map<String, UnaryOperator<Recipient>>> changes = new HashMap<>();
        // Which notifications each due address needs; addresses needing the same set share an email.
        Map<String, List<Notification>> byAddress = new LinkedHashMap<>();
        for (Notification n : owed) {
            for (Recipient r : n.dueRecipients(now)) {
                String address = addressById.get(r.id());
                if (address == null) {
                    changes.computeIfAbsent(n.key(), k -> new HashMap<>()).put(r.id(), x -> x.dropped(now, "address removed from the subscription"));
                } else {
                    byAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(n);
                }
            }
        }
        Map<String, List<String>> addressesBySet = new LinkedHashMap<>();
        Map<String, List<Notification>> notificationsBySet = new HashMap<>();
        byAddress.forEach((address, list) -> {
            String set = String.join("\n", new TreeSet<>(list.stream().map(Notification::identity).toList()));
            addressesBySet.computeIfAbsent(set, s -> new ArrayList<>()).add(address);
            notificationsBySet.put(set, list);
        });
        List<Email> emails = new ArrayList<>();
        List<SendReport.Outcome> outcomes = new ArrayList<>();
        for (var entry : addressesBySet.entrySet()) {
            List<Notification> group = notificationsBySet.get(entry.getKey());
            Email email = composer.compose(to, entry.getValue(), group, now);
            SendReport report = mailer.send(email);
            emails.add(email);
            for (String address : entry.getValue()) {
                SendReport.Outcome o = report.of(address);
                outcomes.add(o);
                UnaryOperator<Recipient> change = switch (o.result()) {
                    case ACCEPTED -> r -> r.sent(now, email.messageId());
                    case PERMANENT -> r -> r.failed(now, email.messageId(), o.reason());
                    case TEMPORARY -> r -> r.retryAt(backoff.retryAt(r.attempts() + 1, now), o.reason());
                };
                for (Notification n : group) {
                    changes.computeIfAbsent(n.key(), k -> new HashMap<>()).put(Recipient.idOf(address), change);
                }
            }
        }
        List<Notification> updated = new ArrayList<>();
        for (Notification n : owed) {
            Map<String, UnaryOperator<Recipient>> c = changes.get(n.key());
            if (c != null) {
                updated.add(n.withRecipients(c, now));
            }
        }
        return new Attempt(updated, emails, outcomes);
    }
}
