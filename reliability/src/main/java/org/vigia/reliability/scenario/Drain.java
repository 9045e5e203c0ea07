package org.vigia.reliability.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.vigia.events.Topics;
import org.vigia.reliability.kafka.GroupProgress;
import org.vigia.reliability.smtp.FaultySmtpServer;
import org.vigia.reliability.stack.Service;
import org.vigia.reliability.stack.Stack;

/**
 * Waits until a run has settled: the processors' group has read every input (and its own
 * internal topics) and their outputs have stopped growing, the alert services' group has read
 * every alert, nothing is pending in either alert service and the SMTP server has received
 * nothing new for a while. Each wait is bounded; what did not settle shows in the comparison.
 */
final class Drain {
    private final String bootstrap;
    private final Topics topics;
    private final String prefix;
    private final Stack stack;
    private final FaultySmtpServer smtp;
    private final PrintStream out;

    Drain(String bootstrap, Topics topics, String prefix, Stack stack, FaultySmtpServer smtp, PrintStream out) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.prefix = prefix;
        this.stack = stack;
        this.smtp = smtp;
        this.out = out;
    }

    void await() {
        long t0 = System.nanoTime();
        boolean processors = until(Duration.ofMinutes(6), Duration.ofSeconds(4), () -> GroupProgress.behind(bootstrap,
                prefix + "processor", List.of(topics.commitments.name(), topics.progress.name(), topics.news.name(),
                        topics.clock.name())).isEmpty() ? ends() : null);
        boolean alerts = until(Duration.ofMinutes(3), Duration.ofSeconds(1), () -> GroupProgress.behind(bootstrap,
                prefix + "alert-service", List.of(topics.alerts.name())).isEmpty() ? "caught up" : null);
        boolean mail = until(Duration.ofMinutes(4), Duration.ofSeconds(8), () -> pending() == 0
                ? String.valueOf(smtp.deliveries().size()) : null);
        out.printf("  settled in %.1f s (processors %s, alert intake %s, email %s)%n", (System.nanoTime() - t0) / 1e9,
                processors ? "caught up" : "NOT caught up", alerts ? "caught up" : "NOT caught up", mail ? "quiet" : "NOT quiet");
    }

    private double pending() {
        double sum = 0;
        for (Service s : stack.alertServices()) {
            OptionalDouble p = Metrics.sum(s.url(), "vigia_notifications_pending", null);
            sum += p.orElse(0);
        }
        return sum;
    }

    /** End offsets of the outputs, as a fingerprint of "still writing". */
    private String ends() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (String t : List.of(topics.alerts.name(), topics.commitmentStatus.name())) {
                for (int p = 0; p < 6; p++) {
                    latest.put(new TopicPartition(t, p), OffsetSpec.latest());
                }
            }
            java.util.TreeMap<String, Long> ends = new java.util.TreeMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp.toString(), info.offset()));
            return ends.toString();
        } catch (Exception e) {
            return null;
        }
    }

    /** True once {@code probe} gives the same non-null answer for {@code stable}; false at the timeout. */
    private static boolean until(Duration timeout, Duration stable, java.util.function.Supplier<String> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        long since = 0;
        while (System.nanoTime() < deadline) {
            String now;
            try {
                now = probe.get();
            } catch (RuntimeException e) {
                now = null;
            }
            if (now != null && now.equals(last)) {
                if (System.nanoTime() - since >= stable.toNanos()) {
                    return true;
                }
            } else {
                last = now;
                since = System.nanoTime();
            }
            RunContext.pause(Duration.ofMillis(500));
        }
        return false;
    }
}
