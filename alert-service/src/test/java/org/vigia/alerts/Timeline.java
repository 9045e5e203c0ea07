package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vigia.events.Alert;
import org.vigia.events.Json;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;
import org.vigia.kit.Env;

/**
 * A small DSL in the style of Alertmanager's acceptance tests, against the real embedded
 * broker and a real SMTP server:
 * <pre>
 *   timeline.at(0).push(alert(...));
 *   timeline.at(0.9).expectNoEmail(to("articulo19"));
 *   timeline.at(1).expectEmail(to("articulo19"), subject("[Vigía] …"));
 * </pre>
 * With a {@link MutableClock}, {@code at(t)} sets the service's clock to {@code t0 + t} seconds
 * and waits until the service has acted on it, so the timing is exact however slow the machine;
 * with the system clock it is wall time and expectations wait up to a minute.
 */
final class Timeline implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private GreenMail greenMail;
    private final Map<String, String> env = new HashMap<>();
    private final Clock clock;
    private final Instant t0;
    private final Path dir;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Integer> claimed = new HashMap<>();
    private AlertService service;
    private long pushed;

    Timeline(GreenMail greenMail, int smtpPort, Clock clock, String subscriptionsYaml, Map<String, String> overrides) {
        this.greenMail = greenMail;
        this.clock = clock;
        this.t0 = clock.instant();
        try {
            this.dir = Files.createTempDirectory("vigia-alerts-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String bootstrap = EmbeddedKafkaBroker.shared().bootstrapServers();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("VIGIA_TOPIC_PREFIX", "test-" + UUID.randomUUID() + ".");
        env.put("VIGIA_PARTITIONS", "3");
        env.put("VIGIA_APPLICATION_ID", "alert-it-" + UUID.randomUUID());
        env.put("VIGIA_STATE_DIR", dir.resolve("state").toString());
        env.put("VIGIA_STANDBY_REPLICAS", "0");
        env.put("VIGIA_HTTP_HOST", "127.0.0.1");
        env.put("VIGIA_HTTP_PORT", "0");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(smtpPort));
        env.put("SMTP_STARTTLS", "false");
        env.put("VIGIA_GROUP_WAIT", "1s");
        env.put("VIGIA_REPEAT_INTERVAL", "0s");
        env.put("VIGIA_RATE_LIMIT_PER_HOUR", "0");
        env.put("VIGIA_SMTP_INITIAL_BACKOFF", "200ms");
        env.put("VIGIA_SMTP_MAX_BACKOFF", "1s");
        env.put("VIGIA_SUBSCRIPTIONS_POLL", "200ms");
        env.put("VIGIA_PANEL_URL", "http://panel.vigia.example/");
        env.put("VIGIA_SUBSCRIPTIONS_FILE", writeSubscriptions(subscriptionsYaml).toString());
        env.putAll(overrides);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true"),
                new StringSerializer(), new ByteArraySerializer());
    }

    Path writeSubscriptions(String yaml) {
        try {
            return Files.writeString(dir.resolve("subscriptions.yaml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path writeFile(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Timeline start() {
        service = new AlertService(AlertSettings.from(new Env(env)), clock);
        service.start();
        pushed = 0;
        return this;
    }

    String topicAlerts() {
        return env.get("VIGIA_TOPIC_PREFIX") + "alerts";
    }

    AlertService service() {
        return service;
    }

    Map<String, String> env() {
        return env;
    }

    /** Stops the service and starts a fresh one on the same topics, application id and state folder. */
    Timeline restart() {
        service.close();
        return start();
    }

    // ---- time ----

    Timeline at(double seconds) {
        if (clock instanceof MutableClock mutable) {
            Instant target = t0.plusMillis(Math.round(seconds * 1000));
            assertThat(target).as("timeline steps go forward").isAfterOrEqualTo(mutable.instant());
            mutable.set(target);
            awaitPassAt(target);
        }
        return this;
    }

    /**
     * Waits until every task has run a send pass that saw the service's clock at or after
     * {@code time} — which decides the emails due then — and one more, which sends them.
     */
    private void awaitPassAt(Instant time) {
        await("every task to act on " + time).atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> service.status().allPassedAt(time));
        var decided = service.status().passes();
        await("every task to send what it decided at " + time).atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> service.status().allPassedSince(decided));
    }

    /** Lets the service run a couple of seconds' worth of send passes, so late duplicates would show. */
    void settle() {
        Instant until = Instant.now().plusSeconds(2);
        Instant serviceTime = clock.instant().plusSeconds(clock instanceof MutableClock ? 0 : 2);
        await("two seconds of send passes").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> !Instant.now().isBefore(until) && service.status().allPassedAt(serviceTime));
    }

    /** Reads from this SMTP server from now on (it was down when the timeline started). */
    void useMailbox(GreenMail mail) {
        this.greenMail = mail;
    }

    // ---- input ----

    Timeline push(Alert... alerts) {
        for (Alert a : alerts) {
            try {
                producer.send(new ProducerRecord<>(topicAlerts(), a.key(), Json.write(a))).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot push alert", e);
            }
            pushed++;
        }
        long expected = pushed;
        await("the alert service to take in " + expected + " alert(s)").atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> service.status().routedAlerts() >= expected && service.status().intakeCaughtUp());
        return this;
    }

    /** Writes any bytes as an alert record and waits for the service to have taken them in (or set them aside). */
    Timeline pushRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topicAlerts(), key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot push a record", e);
        }
        pushed++;
        long expected = pushed;
        await("the alert service to take in " + expected + " record(s)").atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> service.status().routedAlerts() >= expected && service.status().intakeCaughtUp());
        return this;
    }

    /** Writes alerts to the topic without waiting for the service: it may be down, or about to crash. */
    void pushWithoutWaiting(Alert... alerts) {
        for (Alert a : alerts) {
            try {
                producer.send(new ProducerRecord<>(topicAlerts(), a.key(), Json.write(a))).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot push alert", e);
            }
        }
    }

    /** Every email received by the subscriber, duplicates included. */
    List<Mailbox.Received> receivedBy(String subscriberId) {
        return Mailbox.read(greenMail).stream().filter(r -> r.isFor(subscriberId)).toList();
    }

    // ---- expectations ----

    static String to(String subscriberId) {
        return subscriberId;
    }

    static Predicate<Mailbox.Received> subject(String expected) {
        return r -> expected.equals(r.subject());
    }

    static Predicate<Mailbox.Received> subjectContaining(String part) {
        return r -> r.subject() != null && r.subject().contains(part);
    }

    static Predicate<Mailbox.Received> textContaining(String part) {
        return r -> r.text() != null && r.text().contains(part);
    }

    /** Waits for one new email to the subscriber, checks it, and marks it as seen. */
    @SafeVarargs
    final Mailbox.Received expectEmail(String subscriberId, Predicate<Mailbox.Received>... checks) {
        Mailbox.Received[] found = new Mailbox.Received[1];
        await("an email to " + subscriberId).atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Mailbox.Received> fresh = unclaimed(subscriberId);
            if (fresh.isEmpty()) {
                return false;
            }
            found[0] = fresh.get(0);
            return true;
        });
        Mailbox.Received r = found[0];
        claimed.merge(subscriberId + "|" + r.messageId(), 1, Integer::sum);
        for (Predicate<Mailbox.Received> check : checks) {
            assertThat(check.test(r)).as("email to %s with subject '%s' and text:%n%s", subscriberId, r.subject(), r.text()).isTrue();
        }
        return r;
    }

    /** No new email to the subscriber now that the service has acted on the current time. */
    void expectNoEmail(String subscriberId) {
        awaitPassAt(clock.instant());
        assertThat(unclaimed(subscriberId)).as("emails to %s", subscriberId).isEmpty();
    }

    /**
     * The emails to the subscriber not yet expected by the test, in the order received. A
     * second copy of an email (same Message-ID) stays unclaimed, so a duplicate is caught.
     */
    private List<Mailbox.Received> unclaimed(String subscriberId) {
        List<Mailbox.Received> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Mailbox.Received r : Mailbox.read(greenMail)) {
            if (!r.isFor(subscriberId)) {
                continue;
            }
            String key = subscriberId + "|" + r.messageId();
            int occurrence = seen.merge(key, 1, Integer::sum);
            if (occurrence > claimed.getOrDefault(key, 0)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Every email received, to anyone. */
    List<Mailbox.Received> received() {
        return Mailbox.read(greenMail);
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
