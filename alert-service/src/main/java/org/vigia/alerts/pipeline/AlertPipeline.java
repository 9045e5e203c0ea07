package org.vigia.alerts.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.alerts.AlertMetrics;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.notification.NotificationLog;
import org.vigia.alerts.notification.NotificationState;
import org.vigia.alerts.silence.Silence;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.alerts.subscription.Subscriptions;
import org.vigia.events.Alert;

/**
 * The alert path in one place, stage by stage, as Alertmanager's {@code PipelineBuilder}
 * lays it out. Receive side, per alert: <b>route</b> (on the instance that owns the alert's
 * partition) → <b>dedupe</b> into a pending notification (on the instance that owns the
 * subscriber). Send side, every tick, per subscriber: <b>remind</b> → <b>group</b> →
 * <b>silence</b> → <b>still owed?</b> → <b>rate-limit</b> → <b>send with retry</b> →
 * <b>record</b>. Kafka Streams runs it ({@code topology.AlertTopology}); nothing here does I/O
 * but the SMTP send, and every decision reads "now" from the caller.
 */
public final class AlertPipeline {
    private static final Logger logger = LoggerFactory.getLogger(AlertPipeline.class);

    /** The stages, in order. */
    public record Stages(Router router, Deduper deduper, Reminders reminders, Grouper grouper, SilenceStage silences,
                         Sender sender, int rateLimitPerHour) {
    }

    /** What one send pass did: emails accepted by the server, and whether the task's state changed. */
    public record Pass(int emails, boolean changed) {
    }

    private final Stages stages;
    private final Supplier<Subscriptions> subscriptions;
    private final Supplier<List<Silence>> silences;
    private final AlertMetrics metrics;
    private final int maxEmailsPerPass;

    public AlertPipeline(Stages stages, Supplier<Subscriptions> subscriptions, Supplier<List<Silence>> silences,
                         AlertMetrics metrics, int maxEmailsPerPass) {
        this.stages = stages;
        this.subscriptions = subscriptions;
        this.silences = silences;
        this.metrics = metrics;
        this.maxEmailsPerPass = maxEmailsPerPass;
    }

    /** A fresh outbox for a task that starts with this (restored) log. */
    public Outbox outbox(NotificationLog log) {
        return new Outbox(log, new RateLimiter(stages.rateLimitPerHour()));
    }

    /** Stage 1, route: the subscribers to hand the alert to. */
    public List<String> route(Alert alert) {
        metrics.received(alert.type());
        return stages.router().route(alert, subscriptions.get());
    }

    /** Stage 2, dedupe: the notification the subscriber is owed for this alert, written pending. */
    public Optional<Notification> accept(String subscriber, Alert alert, Instant alertTimestamp, Outbox outbox, Instant now) {
        Optional<Subscription> s = subscriptions.get().byId(subscriber);
        if (s.isEmpty()) {
            metrics.suppressed("unsubscribed", 1);
            return Optional.empty();
        }
        NotificationLog log = outbox.log();
        Optional<NotificationKind> kind = stages.deduper().kindFor(alert, subscriber, log);
        if (kind.isEmpty()) {
            metrics.suppressed(stages.deduper().whyNot(alert, subscriber, log), 1);
            return Optional.empty();
        }
        Subscription to = s.get();
        Notification n = Notification.pending(subscriber, alert, kind.get(), 0, to.delivery(), now,
                stages.grouper().dueAt(to.delivery(), kind.get(), now), alertTimestamp, to.emails());
        log.put(n);
        return Optional.of(n);
    }

    /**
     * The send side, one pass over the task's subscribers: first the emails decided in an
     * earlier pass (claimed, and committed since) go out exactly as decided; then what became
     * due is grouped and decided (claimed) for the next pass. A claimed email that cannot be
     * composed or sent (a stage's bug, not an SMTP answer) has its addresses recorded as failed
     * for its notifications and is handed to {@code setAside}; the subscriber's other emails of
     * the pass still go. A group that fails in another stage is closed as dropped and handed to
     * {@code setAside}, so it cannot hold up the groups behind it.
     */
    public Pass dispatch(Outbox outbox, Instant now, BiConsumer<List<Notification>, RuntimeException> setAside) {
        NotificationLog log = outbox.log();
        Subscriptions current = subscriptions.get();
        List<Notification> reminders = stages.reminders().due(log, current, now);
        reminders.forEach(log::put);
        boolean changed = !reminders.isEmpty();
        int emails = 0;
        for (List<Notification> group : stages.grouper().bySubscriber(log.pending())) {
            if (emails >= maxEmailsPerPass) {
                break; // the rest waits for the next pass, after this one's outcomes are committed
            }
            try {
                Pass pass = sendClaimed(group, outbox, current, now, setAside);
                emails += pass.emails();
                changed |= pass.changed();
            } catch (RuntimeException e) {
                changed = true;
                setAside(group, log, now, e, setAside);
            }
        }
        for (List<Notification> group : stages.grouper().due(log.pending(), now)) {
            try {
                changed |= decide(group, outbox, current, now);
            } catch (RuntimeException e) {
                changed = true;
                setAside(group, log, now, e, setAside);
            }
        }
        return new Pass(emails, changed);
    }

    private static void setAside(List<Notification> group, NotificationLog log, Instant now, RuntimeException e,
                                 BiConsumer<List<Notification>, RuntimeException> setAside) {
        logger.error("cannot deliver {} notification(s) for {}: set aside", group.size(), group.get(0).subscriber(), e);
        group.forEach(n -> log.put(n.closed(NotificationState.DROPPED, now, "set aside: " + e.getClass().getSimpleName())));
        setAside.accept(group, e);
    }

    /** Send: the subscriber's claimed emails, each exactly as decided. */
    private Pass sendClaimed(List<Notification> pending, Outbox outbox, Subscriptions current, Instant now,
                             BiConsumer<List<Notification>, RuntimeException> setAside) {
        List<Notification> claimed = pending.stream().filter(n -> n.recipients().stream().anyMatch(r -> r.claimed())).toList();
        if (claimed.isEmpty()) {
            return new Pass(0, false);
        }
        NotificationLog log = outbox.log();
        Optional<Subscription> subscription = current.byId(claimed.get(0).subscriber());
        if (subscription.isEmpty()) {
            logger.info("dropping {} notification(s) for {}: no longer subscribed", claimed.size(), claimed.get(0).subscriber());
            claimed.forEach(n -> log.put(n.closed(NotificationState.DROPPED, now, "unsubscribed")));
            return new Pass(0, true);
        }
        Subscription to = subscription.get();
        stages.sender().dropRemoved(to, claimed, now).forEach(log::put);
        int emails = 0;
        for (Sender.Planned planned : stages.sender().claimed(to, log.pending().stream()
                .filter(n -> n.subscriber().equals(to.id())).toList())) {
            Sender.Planned email = planned.asIn(log);
            Sender.Attempt attempt;
            try {
                attempt = stages.sender().send(to, email, now);
            } catch (RuntimeException e) {
                // One email that cannot go out must not take the subscriber's other emails with it.
                logger.error("cannot send {} ({} notification(s)) for {}: its addresses recorded as failed",
                        email.messageId(), email.notifications().size(), to.id(), e);
                stages.sender().unsendable(email, e, now).forEach(log::put);
                setAside.accept(email.notifications(), e);
                continue;
            }
            count(attempt);
            emails += record(attempt, to, outbox, now);
        }
        return new Pass(emails, true);
    }

    /** Group → silence → still owed? → rate-limit → decide the emails (claim the copies). */
    private boolean decide(List<Notification> group, Outbox outbox, Subscriptions current, Instant now) {
        NotificationLog log = outbox.log();
        String subscriberId = group.get(0).subscriber();
        Optional<Subscription> subscription = current.byId(subscriberId);
        if (subscription.isEmpty()) {
            logger.info("dropping {} notification(s) for {}: no longer subscribed", group.size(), subscriberId);
            group.forEach(n -> log.put(n.closed(NotificationState.DROPPED, now, "unsubscribed")));
            return true;
        }
        Subscription to = subscription.get();
        if (!stages.sender().anyDue(group, now)) {
            return false; // every copy is claimed already or waits for a retry
        }
        SilenceStage.Split split = stages.silences().split(group, silences.get(), now);
        split.silenced().forEach(n -> log.put(n.closed(NotificationState.SILENCED, now, "silenced")));
        if (!split.silenced().isEmpty()) {
            metrics.suppressed("silenced", split.silenced().size());
        }
        List<Notification> owed = new ArrayList<>();
        for (Notification n : split.kept()) {
            if (stages.deduper().stillOwed(n, split.kept(), log, to)) {
                owed.add(n);
            } else {
                log.put(n.closed(NotificationState.DROPPED, now, "no_longer_owed"));
            }
        }
        boolean changed = owed.size() != group.size();
        if (owed.isEmpty()) {
            return changed;
        }
        Optional<Instant> slot = outbox.rateLimiter().nextSlot(subscriberId, now);
        if (slot.isPresent()) {
            long fresh = owed.stream().filter(n -> outbox.firstDeferral(n.identity())).count();
            if (fresh > 0) {
                metrics.suppressed("rate_limited", (int) fresh);
                logger.info("rate limit: {} notification(s) for {} deferred to {}", fresh, subscriberId, slot.get());
            }
            return changed;
        }
        List<Notification> claimed = stages.sender().plan(to, owed, now);
        claimed.forEach(log::put);
        return changed || !claimed.isEmpty();
    }

    private void count(Sender.Attempt attempt) {
        for (var outcome : attempt.outcomes()) {
            switch (outcome.result()) {
                case ACCEPTED -> { }
                case TEMPORARY -> metrics.failed(outcome.tag());
                case PERMANENT -> {
                    metrics.failed(outcome.tag());
                    metrics.deliveryFailed(outcome.code());
                }
            }
        }
    }

    /** Last stage, record: every outcome goes to the delivery log before the task commits. */
    private int record(Sender.Attempt attempt, Subscription to, Outbox outbox, Instant now) {
        attempt.updated().forEach(outbox.log()::put);
        logger.info("{} ({} recipient(s)) for {}: {}", attempt.email().messageId(), attempt.email().to().size(), to.id(),
                attempt.anyAccepted() ? "accepted" : "not accepted");
        if (!attempt.anyAccepted()) {
            return 0;
        }
        outbox.rateLimiter().recordSent(to.id(), now);
        metrics.email();
        for (Notification n : attempt.updated()) {
            if (n.state().delivered()) {
                outbox.sent(n.identity());
                metrics.sent(n.kind(), n.delivery(), to.language());
                if (n.alertTimestamp() != null && n.kind() != NotificationKind.REMINDER && !n.delivery().digest()) {
                    metrics.latency(Duration.between(n.alertTimestamp(), now));
                }
            }
        }
        return 1;
    }
}
