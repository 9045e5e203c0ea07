package org.vigia.alerts.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.vigia.alerts.mail.Email;
import org.vigia.alerts.mail.EmailComposer;
import org.vigia.alerts.mail.Mailer;
import org.vigia.alerts.mail.MessageIds;
import org.vigia.alerts.mail.SendReport;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationLog;
import org.vigia.alerts.notification.Recipient;
import org.vigia.alerts.subscription.Subscription;

/**
 * Stage: send with retry, per recipient, in two steps. {@link #plan} decides the emails: each
 * address gets the owed notifications whose retry time has come, and addresses owed the same
 * ones share one email; each copy is then <em>claimed</em> for its email's Message-ID, and the
 * claim is committed before anything is sent. {@link #send} sends a claimed email exactly as
 * claimed, so an instance that takes over after a crash re-sends the very same email (same
 * notifications, same Message-ID), never a regrouped one. What the server answers each
 * address decides that copy alone: accepted; refused for now (4xx, a connection or
 * authentication error: retried with backoff, for that address only); refused for good (5xx:
 * recorded as failed with the server's reason). A copy for an address that left the
 * subscription is dropped.
 */
public final class Sender {
    private final Mailer mailer;
    private final EmailComposer composer;
    private final Backoff backoff;

    /** One email decided: its Message-ID, to whom, and what it carries (in order). */
    public record Planned(String messageId, List<String> addresses, List<Notification> notifications) {
        /**
         * This email with its notifications as the log holds them now. One notification can go out
         * in two emails of the same pass (a retry to one address, a new group to the others), so
         * the outcome of the email sent first must be what the second one's outcome is applied to.
         */
        public Planned asIn(NotificationLog log) {
            return new Planned(messageId, addresses, notifications.stream().map(n -> log.get(n.key()).orElse(n)).toList());
        }
    }

    /** What one send did: the notifications as they now stand, and each recipient's outcome. */
    public record Attempt(List<Notification> updated, Email email, List<SendReport.Outcome> outcomes) {
        public boolean anyAccepted() {
            return outcomes.stream().anyMatch(o -> o.result() == SendReport.Result.ACCEPTED);
        }
    }

    public Sender(Mailer mailer, EmailComposer composer, Backoff backoff) {
        this.mailer = mailer;
        this.composer = composer;
        this.backoff = backoff;
    }

    /** True if some copy of these notifications may be put in an email now. */
    public boolean anyDue(List<Notification> owed, Instant now) {
        return owed.stream().anyMatch(n -> !n.dueRecipients(now).isEmpty());
    }

    /** The emails for what is owed and due, and the notifications with their copies claimed (or dropped). */
    public List<Notification> plan(Subscription to, List<Notification> owed, Instant now) {
        Map<String, String> addressById = addresses(to);
        Map<String, Map<String, UnaryOperator<Recipient>>> changes = new HashMap<>();
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
        byAddress.forEach((address, list) -> {
            String messageId = MessageIds.of(list.stream().map(Notification::identity).toList());
            for (Notification n : list) {
                changes.computeIfAbsent(n.key(), k -> new HashMap<>()).put(Recipient.idOf(address), r -> r.claim(messageId));
            }
        });
        return apply(owed, changes, now);
    }

    /** Claimed copies for addresses that left the subscription since, dropped. */
    public List<Notification> dropRemoved(Subscription to, List<Notification> pending, Instant now) {
        Map<String, String> addressById = addresses(to);
        Map<String, Map<String, UnaryOperator<Recipient>>> changes = new HashMap<>();
        for (Notification n : pending) {
            for (Recipient r : n.recipients()) {
                if (r.claimed() && !addressById.containsKey(r.id())) {
                    changes.computeIfAbsent(n.key(), k -> new HashMap<>()).put(r.id(), x -> x.dropped(now, "address removed from the subscription"));
                }
            }
        }
        return apply(pending, changes, now);
    }

    /** The claimed emails of one subscriber, rebuilt from the log: each exactly as it was decided. */
    public List<Planned> claimed(Subscription to, List<Notification> pending) {
        Map<String, String> addressById = addresses(to);
        Map<String, Set<String>> addresses = new LinkedHashMap<>();
        Map<String, List<Notification>> notifications = new HashMap<>();
        for (Notification n : pending) {
            for (Recipient r : n.recipients()) {
                if (r.claimed() && addressById.containsKey(r.id())) {
                    addresses.computeIfAbsent(r.messageId(), m -> new TreeSet<>()).add(addressById.get(r.id()));
                    List<Notification> list = notifications.computeIfAbsent(r.messageId(), m -> new ArrayList<>());
                    if (!list.contains(n)) {
                        list.add(n);
                    }
                }
            }
        }
        List<Planned> planned = new ArrayList<>();
        addresses.forEach((messageId, to2) -> planned.add(new Planned(messageId, List.copyOf(to2), notifications.get(messageId)
                .stream().sorted(Comparator.comparing(Notification::receivedAt).thenComparing(Notification::identity)).toList())));
        return planned;
    }

    /** Sends one claimed email and records what the server answered each address. */
    public Attempt send(Subscription to, Planned planned, Instant now) {
        Email email = composer.compose(to, planned.addresses(), planned.notifications(), now);
        if (!email.messageId().equals(planned.messageId())) {
            throw new IllegalStateException("email " + email.messageId() + " does not carry what " + planned.messageId() + " claimed");
        }
        SendReport report = mailer.send(email);
        Map<String, Map<String, UnaryOperator<Recipient>>> changes = new HashMap<>();
        List<SendReport.Outcome> outcomes = new ArrayList<>();
        for (String address : planned.addresses()) {
            SendReport.Outcome o = report.of(address);
            outcomes.add(o);
            UnaryOperator<Recipient> change = switch (o.result()) {
                case ACCEPTED -> r -> r.sent(now, email.messageId());
                case PERMANENT -> r -> r.failed(now, email.messageId(), o.reason());
                case TEMPORARY -> r -> r.retryAt(backoff.retryAt(r.attempts() + 1, now), o.reason());
            };
            for (Notification n : planned.notifications()) {
                changes.computeIfAbsent(n.key(), k -> new HashMap<>()).put(Recipient.idOf(address), change);
            }
        }
        return new Attempt(apply(planned.notifications(), changes, now), email, outcomes);
    }

    /**
     * One claimed email that could not be composed or sent at all (a stage's bug, not an SMTP
     * answer): its addresses are recorded as failed for its notifications, with the reason; the
     * notifications' other copies (other addresses, other emails) are untouched.
     */
    public List<Notification> unsendable(Planned planned, RuntimeException e, Instant now) {
        String why = "could not be sent: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        Map<String, Map<String, UnaryOperator<Recipient>>> changes = new HashMap<>();
        for (String address : planned.addresses()) {
            for (Notification n : planned.notifications()) {
                changes.computeIfAbsent(n.key(), k -> new HashMap<>()).put(Recipient.idOf(address),
                        r -> r.failed(now, planned.messageId(), why));
            }
        }
        return apply(planned.notifications(), changes, now);
    }

    private static Map<String, String> addresses(Subscription to) {
        Map<String, String> byId = new HashMap<>();
        to.emails().forEach(a -> byId.put(Recipient.idOf(a), a));
        return byId;
    }

    private static List<Notification> apply(List<Notification> notifications, Map<String, Map<String, UnaryOperator<Recipient>>> changes,
                                            Instant now) {
        List<Notification> updated = new ArrayList<>();
        for (Notification n : notifications) {
            Map<String, UnaryOperator<Recipient>> c = changes.get(n.key());
            if (c != null) {
                updated.add(n.withRecipients(c, now));
            }
        }
        return updated;
    }
}
