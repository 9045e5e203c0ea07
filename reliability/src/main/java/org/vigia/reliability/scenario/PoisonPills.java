package org.vigia.reliability.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.events.Commitment;
import org.vigia.reliability.compare.DeadLetter;
import org.vigia.reliability.compare.RunOutcome;

/**
 * At 50 % of the stream, records nobody can use on every input topic — the processor's
 * (commitments, progress, news, clock) and the alert service's (alerts): bytes that are not
 * JSON, JSON that breaks the contract, and a progress record whose key is not its commitment.
 * Each must reach {@code vigia.dead-letter} with its original key and bytes and a reason, and
 * the rest of the run must come out as if they had never been there.
 */
final class PoisonPills implements Fault {
    private record Pill(String topic, Integer partition, String key, byte[] value) {
    }

    private final List<Pill> pills = new ArrayList<>();

    @Override
    public String name() {
        return "poison-pills";
    }

    @Override
    public void arm(RunContext ctx) {
        ctx.atFraction(0.5, () -> {
            var t = ctx.topics();
            Commitment c = ctx.dataset().commitments().get(0);
            byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'};
            add(t.commitments.name(), null, "poison-commitment-bytes", garbage);
            add(t.commitments.name(), null, "poison-commitment-rule", json("{\"id\":\"poison-commitment-rule\",\"planId\":\"P\","
                    + "\"country\":\"MX\",\"title\":\"t\",\"agency\":\"X\",\"sector\":\"s\",\"origin\":\"CO_CREATED\","
                    + "\"startDate\":\"2022-05-01\",\"dueDate\":\"2021-01-01\",\"milestones\":[]}"));
            add(t.progress.name(), null, "poison-progress-bytes", garbage);
            add(t.progress.name(), null, c.id(), json("{\"updateId\":\"poison-progress-rule\",\"commitmentId\":\"" + c.id()
                    + "\",\"percent\":140,\"source\":\"AGENCY\",\"reporter\":\"agency:" + c.agency()
                    + "\",\"reportedAt\":\"2022-01-10T00:00:00Z\"}"));
            add(t.progress.name(), null, "poison-progress-key", json("{\"updateId\":\"poison-progress-key\",\"commitmentId\":\""
                    + c.id() + "\",\"percent\":99,\"source\":\"AGENCY\",\"reporter\":\"agency:" + c.agency()
                    + "\",\"reportedAt\":\"2022-01-10T00:00:00Z\"}"));
            add(t.news.name(), null, "poison-news-bytes", garbage);
            add(t.news.name(), null, "poison-news-rule", json("{\"id\":\"poison-news-rule\",\"publishedAt\":\"2022-01-10T00:00:00Z\","
                    + "\"outlet\":\"o\",\"title\":\"t\",\"url\":\"https://example.org/x\",\"agencies\":[],\"kind\":\"SCANDAL\",\"weight\":-1}"));
            add(t.clock.name(), 0, "poison-tick-bytes", garbage);
            add(t.clock.name(), 1, "poison-tick-rule", json("{\"at\":\"not an instant\"}"));
            add(t.alerts.name(), null, "poison-alert-bytes", garbage);
            add(t.alerts.name(), null, "poison-alert-rule", json("{\"alertId\":\"poison-alert-rule\",\"status\":\"FIRING\"}"));
            long at = Instant.parse("2022-01-10T00:00:00Z").toEpochMilli();
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (Pill p : pills) {
                records.add(new ProducerRecord<>(p.topic(), p.partition(), at, p.key().getBytes(StandardCharsets.UTF_8), p.value()));
            }
            ctx.writer().raw(records, Instant.now().plusSeconds(120));
            ctx.note(pills.size() + " poison pills written at 50% of the stream to commitments, progress, news, clock and alerts");
        });
    }

    private void add(String topic, Integer partition, String key, byte[] value) {
        pills.add(new Pill(topic, partition, key, value));
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void verify(RunContext ctx, RunOutcome outcome) {
        for (Pill p : pills) {
            DeadLetter found = outcome.deadLetters().stream()
                    .filter(d -> p.key().equals(d.key()) && Arrays.equals(p.value(), d.value())).findFirst().orElse(null);
            String topic = p.topic().substring(ctx.topics().prefix.length());
            ctx.check("pill " + p.key() + " on " + topic + " dead-lettered with a reason", found != null && found.reason() != null,
                    found == null ? "not in the dead-letter topic" : found.reason() == null ? "no reason header" : trim(found.reason()));
        }
    }

    private static String trim(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 110 ? one.substring(0, 110) + "…" : one;
    }
}
