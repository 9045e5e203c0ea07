package org.vigia.alerts.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.TaskId;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationLog;

/**
 * What this instance's tasks report, read by other threads: the gauges (pending, retrying),
 * the readiness check (degraded after an alert was set aside) and the tests, which wait for
 * every task to have acted on a given time.
 */
public final class DispatchStatus {
    private record TaskView(Instant lastPass, long passes, int pending, int retrying) {
    }

    private record SetAside(String stage, String error, Instant at) {
    }

    private final Map<TaskId, TaskView> tasks = new ConcurrentHashMap<>();
    private final Deque<SetAside> setAside = new ArrayDeque<>();
    private final AtomicLong routedAlerts = new AtomicLong();
    private final AtomicLong routedRecords = new AtomicLong();
    private final AtomicLong acceptedRecords = new AtomicLong();
    private final Duration degradedFor;

    /** @param degradedFor how long an alert set aside keeps the instance reported as degraded */
    public DispatchStatus(Duration degradedFor) {
        this.degradedFor = degradedFor;
    }

    void started(TaskId task, NotificationLog log) {
        tasks.put(task, view(null, 0, log));
    }

    void passed(TaskId task, Instant now, NotificationLog log) {
        TaskView before = tasks.get(task);
        tasks.put(task, view(now, before == null ? 1 : before.passes() + 1, log));
    }

    void stopped(TaskId task) {
        tasks.remove(task);
    }

    private static TaskView view(Instant now, long passes, NotificationLog log) {
        List<Notification> pending = log.pending();
        return new TaskView(now, passes, pending.size(), (int) pending.stream().filter(Notification::retrying).count());
    }

    void routed(int records) {
        routedAlerts.incrementAndGet();
        routedRecords.addAndGet(records);
    }

    void accepted() {
        acceptedRecords.incrementAndGet();
    }

    synchronized void deadLettered(String stage, Throwable e) {
        setAside.addLast(new SetAside(stage, e.getClass().getSimpleName(), Instant.now()));
        while (setAside.size() > 100) {
            setAside.pollFirst();
        }
    }

    /** Notifications owed by this instance's tasks: in a group wait, a digest, a rate-limit slot or a retry. */
    public int pending() {
        return tasks.values().stream().mapToInt(TaskView::pending).sum();
    }

    /** Notifications waiting for a retry after a failed attempt. */
    public int retrying() {
        return tasks.values().stream().mapToInt(TaskView::retrying).sum();
    }

    /** Why this instance is degraded (alerts set aside recently), empty when it is not. */
    public synchronized List<String> degradedReasons() {
        Instant since = Instant.now().minus(degradedFor);
        List<SetAside> recent = setAside.stream().filter(s -> s.at().isAfter(since)).toList();
        List<String> reasons = new ArrayList<>();
        if (!recent.isEmpty()) {
            SetAside last = recent.get(recent.size() - 1);
            reasons.add(recent.size() + " alert(s) set aside to the dead-letter topic in the last " + degradedFor.toMinutes()
                    + " min; the last at " + last.at() + " by stage " + last.stage() + " (" + last.error() + ")");
        }
        return reasons;
    }

    // What tests wait for.

    /** True once every task of this instance has run a send pass at or after {@code time} (service clock). */
    public boolean allPassedAt(Instant time) {
        return !tasks.isEmpty() && tasks.values().stream().allMatch(v -> v.lastPass() != null && !v.lastPass().isBefore(time));
    }

    /** How many send passes each task has run: to wait for the pass after the one that decided an email. */
    public Map<TaskId, Long> passes() {
        Map<TaskId, Long> passes = new java.util.HashMap<>();
        tasks.forEach((task, view) -> passes.put(task, view.passes()));
        return passes;
    }

    /** True once every task in {@code before} has run another pass (tasks that left count as done). */
    public boolean allPassedSince(Map<TaskId, Long> before) {
        return before.entrySet().stream().allMatch(e -> {
            TaskView now = tasks.get(e.getKey());
            return now == null || now.passes() > e.getValue();
        });
    }

    public int tasks() {
        return tasks.size();
    }

    public long routedAlerts() {
        return routedAlerts.get();
    }

    /** True when every routed record has been taken in by a subscriber task of this instance. */
    public boolean intakeCaughtUp() {
        return acceptedRecords.get() >= routedRecords.get();
    }
}
