package org.vigia.reliability.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * nothing new for a while. Each wait is bounded ({@link Bounds}); what did not settle shows in
 * the comparison. Each wait's time is printed, so a slow catch-up is a figure, not a guess.
 */
final class Drain {
    /**
     * How long each wait may take, how often it asks, and how often it says where it is.
     *
     * @param report null: only the outcome is printed
     */
    record Bounds(Duration processors, Duration alerts, Duration mail, Duration poll, Duration report) {
        /** The quick and full modes (CI: under ten minutes in all): 6, 3 and 4 minutes, asked twice a second. */
        static final Bounds QUICK = new Bounds(Duration.ofMinutes(6), Duration.ofMinutes(3), Duration.ofMinutes(4),
                Duration.ofMillis(500), null);

        /**
         * The soak: processors that fell minutes behind the stream catch up before anything is
         * compared, each wait bounded by {@code settle}, asked every 5 s, with a line a minute.
         */
        static Bounds soak(Duration settle) {
            return new Bounds(settle, settle, settle, Duration.ofSeconds(5), Duration.ofMinutes(1));
        }
    }

    private final String bootstrap;
    private final Topics topics;
    private final String prefix;
    private final Stack stack;
    private final FaultySmtpServer smtp;
    private final PrintStream out;
    private final Bounds bounds;
    private volatile String where = "";

    Drain(String bootstrap, Topics topics, String prefix, Stack stack, FaultySmtpServer smtp, PrintStream out, Bounds bounds) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.prefix = prefix;
        this.stack = stack;
        this.smtp = smtp;
        this.out = out;
        this.bounds = bounds;
    }

    void await() {
        long t0 = System.nanoTime();
        double processors = until("processors", bounds.processors(), Duration.ofSeconds(4), () -> behind(prefix + "processor",
                List.of(topics.commitments.name(), topics.progress.name(), topics.news.name(), topics.clock.name()), true));
        double alerts = until("alert intake", bounds.alerts(), Duration.ofSeconds(1), () -> behind(prefix + "alert-service",
                List.of(topics.alerts.name()), false));
        double mail = until("email", bounds.mail(), Duration.ofSeconds(8), () -> {
            double pending = pending();
            where = String.format("%.0f notifications pending, %d emails received", pending, smtp.deliveries().size());
            return pending == 0 ? String.valueOf(smtp.deliveries().size()) : null;
        });
        out.printf("  settled in %.1f s (processors %s, alert intake %s, email %s)%n", (System.nanoTime() - t0) / 1e9,
                outcome(processors, "caught up"), outcome(alerts, "caught up"), outcome(mail, "quiet"));
    }

    private static String outcome(double seconds, String settled) {
        return seconds < 0 ? "NOT " + settled : String.format("%s in %.1f s", settled, seconds);
    }

    /** Null while the group has records to read; once it has read all, "caught up" or the outputs' end offsets. */
    private String behind(String group, List<String> topicsRead, boolean outputsToo) {
        Map<TopicPartition, Long> left = GroupProgress.behind(bootstrap, group, topicsRead);
        where = String.format("%,d offsets on %d partitions left to read", left.values().stream().mapToLong(Long::longValue).sum(),
                left.size());
        if (!left.isEmpty()) {
            return null;
        }
        return outputsToo ? ends() : "caught up";
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

    /**
     * Seconds until {@code probe} gave the same non-null answer for {@code stable}; -1 at the
     * timeout. With {@link Bounds#report()}, a line every so often says how far it is.
     */
    private double until(String what, Duration timeout, Duration stable, Supplier<String> probe) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextReport = bounds.report() == null ? Long.MAX_VALUE : start + bounds.report().toNanos();
        String last = null;
        long since = 0;
        where = "";
        while (System.nanoTime() < deadline) {
            String now;
            try {
                now = probe.get();
            } catch (RuntimeException e) {
                now = null;
            }
            if (now != null && now.equals(last)) {
                if (System.nanoTime() - since >= stable.toNanos()) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } else {
                last = now;
                since = System.nanoTime();
            }
            if (System.nanoTime() >= nextReport) {
                out.printf("  settling: %s after %.0f s: %s%n", what, (System.nanoTime() - start) / 1e9, where);
                nextReport += bounds.report().toNanos();
            }
            RunContext.pause(bounds.poll());
        }
        return -1;
    }
}
