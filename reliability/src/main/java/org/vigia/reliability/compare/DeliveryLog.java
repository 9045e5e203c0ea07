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
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which notifications each email carried, from the alert services' delivery log
 * ({@code GET /api/v1/notifications?subscriber=…&order=key} with an {@code admin} token, asked
 * of every instance, per subscriber, page after page through each page's {@code Link rel="next"}:
 * one range read of 1,000 entries per request, so the whole log costs about entries / 1,000
 * requests per instance however large it is). Each entry lists its
 * recipients' copies, each with the Message-ID of the email that carried it (or is claimed for
 * it), so an email sent to one address alone — a retry after a 451 — is attributed as exactly as
 * one sent to all. A notification is named as the README promises it once:
 * {@code subscriber|alert|FIRING|severity}, {@code subscriber|alert|RESOLVED} or
 * {@code subscriber|alert|REMINDER|n}.
 */
public final class DeliveryLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int PAGE = 1000;

    private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

    private final Map<String, Set<String>> byMessageId = new HashMap<>();
    private final Map<String, List<JsonNode>> entriesByIdentity = new HashMap<>();
    private int unanswered;
    private int entriesRead;
    private int requests;

    public static DeliveryLog read(Collection<URI> alertServices, Collection<String> subscribers, String adminToken) {
        DeliveryLog log = new DeliveryLog();
        for (URI base : alertServices) {
            for (String subscriber : subscribers) {
                String next = "/api/v1/notifications?subscriber=" + enc(subscriber) + "&order=key&limit=" + PAGE;
                while (next != null) {
                    Page page = log.get(base, next, adminToken);
                    page.entries().forEach(log::add);
                    next = page.next();
                }
            }
        }
        return log;
    }

    /** Entries read (both instances, so every record twice when both answer), and the requests that read them. */
    public int entriesRead() {
        return entriesRead;
    }

    public int requests() {
        return requests;
    }

    /** Requests that got no 200 after their retries: a log that could not be read is not silently empty. */
    public int unanswered() {
        return unanswered;
    }

    private void add(JsonNode n) {
        entriesRead++;
        String identity = identity(n);
        if (identity == null) {
            return;
        }
        entriesByIdentity.computeIfAbsent(identity, k -> new ArrayList<>()).add(n);
        Set<String> messageIds = new HashSet<>();
        if (text(n, "messageId") != null) {
            messageIds.add(text(n, "messageId"));
        }
        for (JsonNode r : n.path("recipients")) {
            if (text(r, "messageId") != null) {
                messageIds.add(text(r, "messageId"));
            }
        }
        messageIds.forEach(m -> byMessageId.computeIfAbsent(m, k -> new HashSet<>()).add(identity));
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

    /** One page and the path of the next (its {@code Link rel="next"}), or none; a 503 (a rebalance moving the log) or no answer is asked again for up to a minute. */
    private Page get(URI base, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                requests++;
                HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    List<JsonNode> out = new ArrayList<>();
                    JSON.readTree(r.body()).forEach(out::add);
                    String next = r.headers().firstValue("Link").map(NEXT::matcher).filter(Matcher::matches)
                            .map(m -> m.group(1)).orElse(null);
                    return new Page(out, next);
                }
            } catch (IOException e) {
                // asked again below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unanswered++;
                return new Page(List.of(), null);
            }
            if (System.nanoTime() > deadline) {
                unanswered++;
                return new Page(List.of(), null);
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }

    private record Page(List<JsonNode> entries, String next) {
    }

    /** The notifications an email with this Message-ID carried; empty if no log knows it. */
    public Set<String> notificationsOf(String messageId) {
        return byMessageId.getOrDefault(messageId, Set.of());
    }

    /** Every record about one notification (both instances, the topic's history). */
    public List<JsonNode> entries(String identity) {
        return entriesByIdentity.getOrDefault(identity, List.of());
    }

    /**
     * Whether the log records a permanent refusal for one of this notification's copies: a
     * recipient in state {@code failed} with the server's answer as its reason.
     */
    public boolean recordedFailure(String identity) {
        for (JsonNode n : entries(identity)) {
            for (JsonNode r : n.path("recipients")) {
                if ("failed".equalsIgnoreCase(text(r, "state")) && text(r, "reason") != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
