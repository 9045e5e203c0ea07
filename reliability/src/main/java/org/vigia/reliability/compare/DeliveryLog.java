package org.vigia.reliability.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigia.reliability.kafka.TopicSnapshot;

/**
 * Which notifications each email carried, from the alert services' delivery log
 * ({@code GET /api/v1/notifications}, every instance, per subscriber and per alert when a
 * subscriber has more than a page), completed by the history of the notification-log topic
 * (every record ever written, so a Message-ID later overwritten in the compacted view is still
 * known). A notification is named as the README promises it once: {@code subscriber|alert|FIRING|severity},
 * {@code subscriber|alert|RESOLVED} or {@code subscriber|alert|REMINDER|n}.
 */
public final class DeliveryLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int PAGE = 1000;

    private final Map<String, Set<String>> byMessageId = new HashMap<>();
    private final Map<String, List<JsonNode>> entriesByIdentity = new HashMap<>();

    public static DeliveryLog read(Collection<URI> alertServices, Collection<String> subscribers, Collection<String> alertIds,
                                   String bootstrap, String notificationLogTopic, String adminToken) {
        DeliveryLog log = new DeliveryLog();
        for (URI base : alertServices) {
            for (String subscriber : subscribers) {
                List<JsonNode> page = get(base, "subscriber=" + enc(subscriber) + "&limit=" + PAGE, adminToken);
                if (page.size() < PAGE) {
                    page.forEach(log::add);
                } else {
                    for (String alertId : alertIds) {
                        get(base, "subscriber=" + enc(subscriber) + "&alertId=" + enc(alertId) + "&limit=" + PAGE, adminToken)
                                .forEach(log::add);
                    }
                }
            }
        }
        try {
            TopicSnapshot.forEach(bootstrap, notificationLogTopic, (tp, r) -> {
                if (r.value() != null) {
                    try {
                        log.add(JSON.readTree(r.value()));
                    } catch (IOException e) {
                        // not a notification record: the API view above stands alone
                    }
                }
            });
        } catch (RuntimeException e) {
            // no such topic in this design: the API view stands alone
        }
        return log;
    }

    private void add(JsonNode n) {
        String identity = identity(n);
        if (identity == null) {
            return;
        }
        entriesByIdentity.computeIfAbsent(identity, k -> new ArrayList<>()).add(n);
        String messageId = text(n, "messageId");
        if (messageId != null) {
            byMessageId.computeIfAbsent(messageId, k -> new HashSet<>()).add(identity);
        }
    }

    static String identity(JsonNode n) {
        String subscriber = text(n, "subscriber");
        String alertId = text(n, "alertId");
        String kind = text(n, "kind");
        if (subscriber == null || alertId == null || kind == null) {
            return null;
        }
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "resolved" -> subscriber + "|" + alertId + "|RESOLVED";
            case "reminder" -> subscriber + "|" + alertId + "|REMINDER|" + (n.has("reminder") ? n.get("reminder").asInt()
                    : n.path("sequence").asInt());
            default -> subscriber + "|" + alertId + "|FIRING|" + text(n, "severity");
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> get(URI base, String query, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/v1/notifications?" + query))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return List.of();
            }
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(r.body()).forEach(out::add);
            return out;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The notifications an email with this Message-ID carried; empty if no log knows it. */
    public Set<String> notificationsOf(String messageId) {
        return byMessageId.getOrDefault(messageId, Set.of());
    }

    /** Every record about one notification (both instances, the topic's history). */
    public List<JsonNode> entries(String identity) {
        return entriesByIdentity.getOrDefault(identity, List.of());
    }

    /** Whether some record says this notification failed: a state other than sent/pending, or a reason. */
    public boolean recordedFailure(String identity) {
        for (JsonNode n : entries(identity)) {
            String state = text(n, "state");
            String reason = text(n, "reason");
            if ((state != null && !state.equalsIgnoreCase("sent") && !state.equalsIgnoreCase("pending"))
                    || (reason != null && !reason.isBlank())) {
                return true;
            }
            for (String field : List.of("failedRecipients", "refusedRecipients", "failed", "rejected", "recipients")) {
                JsonNode f = n.get(field);
                if (f != null && f.toString().toLowerCase(Locale.ROOT).matches(".*(fail|reject|refus|5\\d\\d).*")) {
                    return true;
                }
            }
        }
        return false;
    }
}
