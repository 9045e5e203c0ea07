package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigia.alerts.TestAlerts.stalled;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.Json;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Two alert-service instances as separate processes — the real shaded jar, {@code java -jar} —
 * share one application id against the test JVM's broker and SMTP server. One is killed with
 * SIGKILL while it holds pending notifications and is sending; Kafka moves its subscribers to
 * the other, which restores their delivery log and sends what was owed. Every notification
 * arrives; the only repeats are emails in flight at the kill (accepted by the SMTP server, not
 * yet committed), each with the same Message-ID as its first copy.
 */
class FailoverIT {
    static final Path JAR = Path.of("target", "vigia-alert-service-0.1.0-SNAPSHOT-all.jar");
    static final int SUBSCRIBERS = 12;
    static final Pattern COMMITMENT = Pattern.compile("#/commitments/(MX-FO-\\d+)");

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final List<Instance> instances = new ArrayList<>();
    private final String prefix = "failover-" + UUID.randomUUID() + ".";
    private final String applicationId = prefix + "alert-service";
    private KafkaProducer<String, byte[]> producer;

    record Instance(String name, Process process, int port, Path log) {
        double metric(String name) {
            try {
                String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                double sum = 0;
                for (String line : body.split("\n")) {
                    if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
                return sum;
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        boolean ready() {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @AfterEach
    void stop() {
        instances.forEach(i -> i.process().destroyForcibly());
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        smtp.stop();
    }

    @Test
    void anInstanceKilledWhileItHoldsPendingNotificationsLosesNothingAndRepeatsOnlyWhatWasInFlight() throws Exception {
        assertThat(JAR).as("the shaded jar, built in the package phase").exists();
        smtp.start();
        Path dir = Files.createTempDirectory("vigia-failover-");
        StringBuilder subscriptions = new StringBuilder("subscriptions:\n");
        for (int i = 1; i <= SUBSCRIBERS; i++) {
            subscriptions.append("  - name: CSO %02d\n    id: cso%02d\n    emails: [alertas@cso%02d.example]\n    language: %s\n"
                    .formatted(i, i, i, i % 2 == 0 ? "es" : "en"));
        }
        Path subscriptionsFile = Files.writeString(dir.resolve("subscriptions.yaml"), subscriptions);
        String bootstrap = EmbeddedKafkaBroker.shared().bootstrapServers();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"), new StringSerializer(),
                new ByteArraySerializer());

        Instance a = start("a", dir, subscriptionsFile, bootstrap);
        Instance b = start("b", dir, subscriptionsFile, bootstrap);
        await("both instances ready and sharing the group").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> a.ready() && b.ready() && stableMembers(bootstrap) == 2);

        List<Alert> sent = new ArrayList<>();
        sent.addAll(wave(0, 10));
        await("the first wave to be emailed").atMost(Duration.ofMinutes(2)).until(() -> received().size() >= SUBSCRIBERS);

        // The second wave: both instances hold pending notifications for their subscribers;
        // kill A once it is sending them.
        double sentByA = a.metric("vigia_emails_sent_total");
        sent.addAll(wave(10, 20));
        await("A to hold pending notifications").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> a.metric("vigia_notifications_pending") > 0);
        await("A to start sending the second wave").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> a.metric("vigia_emails_sent_total") > sentByA);
        double pendingAtKill = a.metric("vigia_notifications_pending");
        a.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Instant killedAt = Instant.now();
        // An SMTP transaction A completed just before it died may still be being stored by the server.
        afterTheKill("the server to store what A sent before it died").pollDelay(Duration.ofSeconds(1)).until(() -> true);
        // GreenMail lists messages mailbox by mailbox, not in arrival order: what had arrived at
        // the kill is remembered by Message-ID, not by position.
        Set<String> idsAtKill = new HashSet<>();
        received().forEach(m -> idsAtKill.add(m.messageId()));

        sent.addAll(wave(20, 30));
        int expectedPairs = sent.size() * SUBSCRIBERS;
        afterTheKill("every notification to arrive after the failover").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> pairs(received()).size() >= expectedPairs);
        afterTheKill("a few seconds more, so late repeats would show").pollDelay(Duration.ofSeconds(5)).until(() -> true);

        checkDelivery(received(), idsAtKill, sent.size(), pendingAtKill);
        assertThat(killedAt).isNotNull();
        assertThat(b.ready()).isTrue();
    }

    /**
     * An await once A is dead. The kill cuts A's SMTP connection mid-session, and GreenMail's
     * handler thread for it ends with an uncaught {@code IllegalStateException("Unexpected error
     * handling connection")}; Awaitility by default fails whatever await is running when any
     * thread dies that way. That death is the fault this test injects, not a failure of it.
     */
    private static ConditionFactory afterTheKill(String alias) {
        return await(alias).dontCatchUncaughtExceptions();
    }

    /** Every notification arrived under one Message-ID; a repeat is only what A had sent but not recorded. */
    private static void checkDelivery(List<Mail> mails, Set<String> idsAtKill, int alerts, double pendingAtKill) {
        int expectedPairs = alerts * SUBSCRIBERS;
        Map<String, List<Mail>> byMessageId = new HashMap<>();
        mails.forEach(m -> byMessageId.computeIfAbsent(m.messageId(), k -> new ArrayList<>()).add(m));
        Map<String, Set<String>> messageIdsByPair = new HashMap<>();
        for (Mail m : mails) {
            m.commitments().forEach(c -> messageIdsByPair.computeIfAbsent(m.to() + "|" + c, k -> new HashSet<>()).add(m.messageId()));
        }
        long repeats = byMessageId.values().stream().mapToLong(l -> l.size() - 1).sum();
        System.out.printf("FailoverIT: %d alerts x %d subscribers = %d notifications; %d emails received (%d before the kill), "
                        + "%d distinct Message-IDs, %d repeated copies; A held %.0f pending notifications when killed%n",
                alerts, SUBSCRIBERS, expectedPairs, mails.size(), idsAtKill.size(), byMessageId.size(), repeats, pendingAtKill);

        assertThat(pendingAtKill).isPositive();
        assertThat(pairs(mails)).hasSize(expectedPairs);
        assertThat(messageIdsByPair).as("each notification reached its subscriber under one Message-ID only")
                .allSatisfy((pair, ids) -> assertThat(ids).as(pair).hasSize(1));
        // A repeat is an email the killed instance had sent but not committed: its first copy
        // had arrived by the kill, and it is not repeated more than once.
        byMessageId.forEach((id, copies) -> {
            if (copies.size() > 1) {
                assertThat(copies).as(id).hasSize(2);
                assertThat(idsAtKill).as("a repeated email was first sent before the kill").contains(id);
            }
        });
        assertThat(repeats).isLessThanOrEqualTo(SUBSCRIBERS);
    }

    private Instance start(String name, Path dir, Path subscriptions, String bootstrap) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", "failover-" + name + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString());
        Map<String, String> env = pb.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("VIGIA_TOPIC_PREFIX", prefix);
        env.put("VIGIA_PARTITIONS", "6");
        env.put("VIGIA_APPLICATION_ID", applicationId);
        env.put("VIGIA_STATE_DIR", dir.resolve("state-" + name).toString());
        env.put("VIGIA_HTTP_HOST", "127.0.0.1");
        env.put("VIGIA_HTTP_PORT", String.valueOf(port));
        env.put("VIGIA_SUBSCRIPTIONS_FILE", subscriptions.toString());
        env.put("VIGIA_GROUP_WAIT", "3s");
        env.put("VIGIA_RATE_LIMIT_PER_HOUR", "0");
        env.put("VIGIA_REPEAT_INTERVAL", "0s");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("KAFKA_HEARTBEAT_INTERVAL_MS", "1500");
        env.put("VIGIA_LOG_LEVEL", "INFO");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Instance i = new Instance(name, pb.start(), port, log);
        instances.add(i);
        return i;
    }

    private int stableMembers(String bootstrap) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var group = admin.describeConsumerGroups(List.of(applicationId)).all().get(10, TimeUnit.SECONDS).get(applicationId);
            return group.groupState() == org.apache.kafka.common.GroupState.STABLE ? group.members().size() : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    /** Stalls of commitments MX-FO-from … MX-FO-(to-1), one agency each, written at once. */
    private List<Alert> wave(int from, int to) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (int n = from; n < to; n++) {
            Alert a = stalled("MX-FO-" + n + ":STALLED:2014-04-10", "AG" + n, "MX-FO-" + n, "Compromiso " + n, 90 + n);
            alerts.add(a);
            producer.send(new ProducerRecord<>(prefix + "alerts", a.key(), Json.write(a)));
        }
        producer.flush();
        return alerts;
    }

    record Mail(int index, String to, String messageId, Set<String> commitments) {
    }

    private List<Mail> received() {
        MimeMessage[] messages = smtp.getReceivedMessages();
        List<Mail> mails = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            Mailbox.Received r = Mailbox.decode(messages[i]);
            Set<String> commitments = new HashSet<>();
            Matcher m = COMMITMENT.matcher(r.text());
            while (m.find()) {
                commitments.add(m.group(1));
            }
            mails.add(new Mail(i, r.to().get(0), r.messageId(), commitments));
        }
        return mails;
    }

    private static Set<String> pairs(List<Mail> mails) {
        Set<String> pairs = new HashSet<>();
        mails.forEach(m -> m.commitments().forEach(c -> pairs.add(m.to() + "|" + c)));
        return pairs;
    }
}
