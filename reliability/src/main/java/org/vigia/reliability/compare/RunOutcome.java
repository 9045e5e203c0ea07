package org.vigia.reliability.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.vigia.events.Topics;
import org.vigia.reliability.kafka.TopicSnapshot;
import org.vigia.reliability.smtp.Delivery;

/**
 * What one run left behind, read from the public surfaces once everything has settled: the
 * committed records of {@code vigia.progress}, {@code vigia.alerts}, {@code vigia.commitment-status}
 * and {@code vigia.dead-letter} (read_committed), what the SMTP server accepted, and the
 * delivery log that says which notifications each email carried.
 *
 * @param alerts        identity ({@code alertId|status|severity}) → the alert record (the first copy)
 * @param alertCopies   how many records beyond the first share an identity
 * @param statuses      commitment id → its last status, without {@code asOf}; absent after a tombstone
 */
public record RunOutcome(Set<String> updateIds, Map<String, JsonNode> alerts, int alertCopies,
                         Map<String, JsonNode> statuses, List<DeadLetter> deadLetters, List<Delivery> deliveries,
                         DeliveryLog deliveryLog, Map<String, List<String>> subscriberEmails) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static RunOutcome read(String bootstrap, Topics topics, List<Delivery> deliveries,
                                  java.util.function.Function<Set<String>, DeliveryLog> deliveryLog,
                                  Map<String, List<String>> subscriberEmails) {
        Set<String> updates = new HashSet<>();
        TopicSnapshot.forEach(bootstrap, topics.progress.name(), (tp, r) -> {
            JsonNode n = tree(r.value());
            if (n != null && n.hasNonNull("updateId")) {
                updates.add(n.get("updateId").asText());
            }
        });
        Map<String, JsonNode> alerts = new LinkedHashMap<>();
        int[] copies = {0};
        TopicSnapshot.forEach(bootstrap, topics.alerts.name(), (tp, r) -> {
            JsonNode n = tree(r.value());
            if (n == null || !isAlert(topics, r.value())) {
                return; // not the processor's: the poison pills the suite wrote there itself
            }
            String identity = n.path("alertId").asText() + "|" + n.path("status").asText() + "|" + n.path("severity").asText();
            if (alerts.putIfAbsent(identity, n) != null) {
                copies[0]++;
            }
        });
        Map<String, JsonNode> statuses = new HashMap<>();
        TopicSnapshot.forEach(bootstrap, topics.commitmentStatus.name(), (tp, r) -> {
            String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
            JsonNode n = tree(r.value());
            if (n instanceof ObjectNode o) {
                o.remove("asOf");
                statuses.put(key, o);
            } else {
                statuses.remove(key);
            }
        });
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (String topic : List.of(topics.deadLetter.name(), alertServiceDeadLetters(topics))) {
            TopicSnapshot.forEach(bootstrap, topic, (tp, r) -> {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header h : r.headers()) {
                    headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
                }
                deadLetters.add(new DeadLetter(topic, r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                        r.value(), headers));
            });
        }
        return new RunOutcome(updates, alerts, copies[0], statuses, deadLetters, deliveries,
                deliveryLog.apply(subscriberEmails.keySet()), subscriberEmails);
    }

    /** True when the bytes are an alert as the wire contract defines it (the processor writes nothing else). */
    private static boolean isAlert(Topics topics, byte[] value) {
        try {
            topics.alerts.valueSerde().deserializer().deserialize(topics.alerts.name(), value);
            return true;
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    /** The alert service's own dead-letter topic: alerts it set aside (its README). */
    public static String alertServiceDeadLetters(Topics topics) {
        return topics.prefix + "alert-service.dead-letter";
    }

    private static JsonNode tree(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    /** (recipient, notification) pairs delivered, each with the Message-IDs that carried it; and emails no log explains. */
    public Attribution attribute() {
        Map<String, Set<String>> delivered = new HashMap<>();
        Map<String, Integer> perMessage = new HashMap<>();
        int unattributed = 0;
        Map<String, String> subscriberOf = new HashMap<>();
        subscriberEmails.forEach((s, emails) -> emails.forEach(e -> subscriberOf.put(e.toLowerCase(), s)));
        for (Delivery d : deliveries) {
            perMessage.merge(d.recipient() + " " + d.messageId(), 1, Integer::sum);
            Set<String> carried = d.messageId() == null ? Set.of() : deliveryLog.notificationsOf(d.messageId());
            String subscriber = subscriberOf.get(d.recipient());
            boolean any = false;
            for (String n : carried) {
                if (n.startsWith(subscriber + "|")) {
                    delivered.computeIfAbsent(d.recipient() + " " + n, k -> new HashSet<>()).add(d.messageId());
                    any = true;
                }
            }
            if (!any) {
                unattributed++;
            }
        }
        int repeated = perMessage.values().stream().mapToInt(n -> n - 1).sum();
        return new Attribution(delivered, repeated, unattributed);
    }

    /**
     * @param delivered   "recipient notification" → the distinct Message-IDs it arrived in
     * @param repeated    deliveries of a (recipient, Message-ID) beyond its first
     * @param unattributed emails whose Message-ID no delivery log knows
     */
    public record Attribution(Map<String, Set<String>> delivered, int repeated, int unattributed) {
    }
}
