package org.vigia.alerts.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.alerts.AlertMetrics;
import org.vigia.alerts.log.Kind;
import org.vigia.alerts.log.Notification;
import org.vigia.alerts.log.NotificationJournal;
import org.vigia.alerts.log.State;
import org.vigia.alerts.mail.Email;
import org.vigia.alerts.mail.EmailComposer;
import org.vigia.alerts.mail.MailFailure;
import org.vigia.alerts.mail.Mailer;
import org.vigia.alerts.silence.SilenceStore;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.alerts.subscription.SubscriptionRegistry;

/**
 * The send side of the pipeline, run every tick by one thread: schedule due reminders, then
 * for every subscriber whose group is due: silence → dedupe → rate-limit → send with retry →
 * record. It only ever acts on what the notification log holds as pending, so after a restart
 * it carries on from exactly where the log says the previous run stopped.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** The collaborators: the stages in pipeline order, and where their state lives. */
    public record Stages(Grouper grouper, SilenceStage silences, Deduper deduper, RateLimiter rateLimiter,
                         Backoff backoff, Mailer mailer, EmailComposer composer, Recorder recorder) {
    }

    private final Clock clock;
    private final NotificationJournal journal;
    private final SubscriptionRegistry subscriptions;
    private final SilenceStore silenceStore;
    private final Stages stages;
    private final AlertMetrics metrics;
    private final Duration repeatInterval;
    private final Set<String> countedAsDeferred = new HashSet<>();
    private volatile int retryBacklog;

    public Dispatcher(Clock clock, NotificationJournal journal, SubscriptionRegistry subscriptions, SilenceStore silenceStore,
                      Stages stages, AlertMetrics metrics, Duration repeatInterval) {
        this.clock = clock;
        this.journal = journal;
        this.subscriptions = subscriptions;
        this.silenceStore = silenceStore;
        this.stages = stages;
        this.metrics = metrics;
        this.repeatInterval = repeatInterval;
    }

    /** Notifications waiting for a retry after a failed send. */
    public int retryBacklog() {
        return retryBacklog;
    }

    public void runOnce() {
        Instant now = clock.instant();
        scheduleReminders(now);
        int backlog = 0;
        for (List<Notification> group : stages.grouper().due(journal.view().pending(), now)) {
            deliver(group, now);
            if (stages.backoff().isFailing(group.get(0).subscriber())) {
                backlog += group.size();
            }
        }
        retryBacklog = backlog;
    }

    private void deliver(List<Notification> group, Instant now) {
        String subscriberId = group.get(0).subscriber();
        Optional<Subscription> subscription = subscriptions.current().byId(subscriberId);
        if (subscription.isEmpty()) {
            log.info("dropping {} notification(s) for {}: no longer subscribed", group.size(), subscriberId);
            stages.recorder().closed(group, State.DROPPED, now, "unsubscribed");
            return;
        }
        if (!stages.backoff().mayTry(subscriberId, now)) {
            return;
        }
        SilenceStage.Split split = stages.silences().split(group, silenceStore.all(), now);
        if (!split.silenced().isEmpty()) {
            stages.recorder().closed(split.silenced(), State.SILENCED, now, "silenced");
            metrics.suppressed("silenced", split.silenced().size());
        }
        List<Notification> owed = new ArrayList<>();
        List<Notification> notOwed = new ArrayList<>();
        for (Notification n : split.kept()) {
            (stages.deduper().stillOwed(n, split.kept(), journal.view()) ? owed : notOwed).add(n);
        }
        if (!notOwed.isEmpty()) {
            stages.recorder().closed(notOwed, State.DROPPED, now, "no_longer_owed");
        }
        if (owed.isEmpty()) {
            return;
        }
        Optional<Instant> slot = stages.rateLimiter().nextSlot(subscriberId, now);
        if (slot.isPresent()) {
            long fresh = owed.stream().filter(n -> countedAsDeferred.add(n.identity())).count();
            if (fresh > 0) {
                metrics.suppressed("rate_limited", (int) fresh);
                log.info("rate limit: {} notification(s) for {} deferred to {}", fresh, subscriberId, slot.get());
            }
            return;
        }
        send(subscription.get(), owed, now);
    }

    private void send(Subscription to, List<Notification> owed, Instant now) {
        Email email = stages.composer().compose(to, owed, now);
        try {
            stages.mailer().send(email);
        } catch (MailFailure f) {
            metrics.failed(f.reason());
            if (f.permanent()) {
                log.error("SMTP refused every recipient of {} for {}: not retrying", email.messageId(), to.id());
                stages.recorder().closed(owed, State.REJECTED, now, f.reason());
            } else {
                Instant retryAt = stages.backoff().failed(to.id(), now);
                log.warn("{} for {} not sent ({}); retrying at {}", email.messageId(), to.id(), f.getMessage(), retryAt);
            }
            return;
        }
        Instant sentAt = clock.instant();
        stages.recorder().sent(owed, sentAt, email.messageId());
        stages.rateLimiter().recordSent(to.id(), sentAt);
        stages.backoff().succeeded(to.id());
        metrics.email();
        for (Notification n : owed) {
            countedAsDeferred.remove(n.identity());
            metrics.sent(n.kind(), n.delivery(), to.language());
            if (n.alertTimestamp() != null && n.kind() != Kind.REMINDER && !n.delivery().digest()) {
                metrics.latency(Duration.between(n.alertTimestamp(), sentAt));
            }
        }
        log.info("sent {} ({} notification(s)) to {}", email.messageId(), owed.size(), to.id());
    }

    /**
     * A firing alert that an immediate subscriber was sent, and that has not resolved, is
     * due a reminder {@code repeatInterval} after the last email about it (firing, escalation
     * or reminder; a silenced reminder counts too, so a long silence does not end in a burst).
     */
    private void scheduleReminders(Instant now) {
        if (repeatInterval.isZero()) {
            return;
        }
        Map<String, List<Notification>> byEpisode = new HashMap<>();
        for (Notification n : journal.view().snapshot()) {
            byEpisode.computeIfAbsent(n.subscriber() + "|" + n.alertId(), k -> new ArrayList<>()).add(n);
        }
        List<Notification> reminders = new ArrayList<>();
        for (List<Notification> records : byEpisode.values()) {
            reminder(records, now).ifPresent(reminders::add);
        }
        journal.append(reminders);
    }

    private Optional<Notification> reminder(List<Notification> records, Instant now) {
        boolean open = records.stream().noneMatch(n -> n.kind() == Kind.RESOLVED || n.state() == State.PENDING);
        Optional<Notification> firing = records.stream()
                .filter(n -> (n.kind() == Kind.FIRING || n.kind() == Kind.ESCALATION) && n.state() == State.SENT)
                .max(Comparator.comparing(Notification::severity));
        if (!open || firing.isEmpty()) {
            return Optional.empty();
        }
        Optional<Subscription> subscription = subscriptions.current().byId(firing.get().subscriber());
        if (subscription.isEmpty() || subscription.get().delivery().digest()) {
            return Optional.empty();
        }
        Instant last = records.stream()
                .filter(n -> n.firing() && (n.state() == State.SENT || n.state() == State.SILENCED) && n.doneAt() != null)
                .map(Notification::doneAt).max(Comparator.naturalOrder()).orElseThrow();
        if (last.plus(repeatInterval).isAfter(now)) {
            return Optional.empty();
        }
        int sequence = records.stream().filter(n -> n.kind() == Kind.REMINDER).mapToInt(Notification::sequence).max().orElse(0) + 1;
        Notification f = firing.get();
        return Optional.of(Notification.pending(f.subscriber(), f.alert(), Kind.REMINDER, sequence, f.delivery(), now,
                stages.grouper().dueAt(f.delivery(), Kind.REMINDER, now), f.alertTimestamp()));
    }
}
