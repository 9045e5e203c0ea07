package org.vigia.alerts.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One address's copy of a notification. The address itself is never stored: {@link #id} is a
 * short digest of it, enough to find the address again in the subscription and to tell the
 * copies apart in the delivery log.
 *
 * @param state PENDING, SENT, FAILED (refused permanently) or DROPPED (the address left the subscription)
 * @param attempts failed attempts so far (temporary refusals, connection errors)
 * @param retryAt when the next attempt may be made (null: at once)
 * @param messageId while PENDING: the email this copy is claimed for (decided and committed, about to be
 *                  sent exactly so); once sent or failed: the email that carried it
 * @param reason the last SMTP answer or error, addresses removed
 */
public record Recipient(String id, NotificationState state, int attempts, Instant retryAt, Instant doneAt,
                        String messageId, String reason) {

    public static Recipient pending(String address) {
        return new Recipient(idOf(address), NotificationState.PENDING, 0, null, null, null, null);
    }

    /** Owed, not yet claimed by an email, and past its retry time: to be put in an email now. */
    public boolean dueAt(Instant now) {
        return state == NotificationState.PENDING && messageId == null && (retryAt == null || !retryAt.isAfter(now));
    }

    /** Decided to go out in this email; the claim is committed before the email is sent. */
    public boolean claimed() {
        return state == NotificationState.PENDING && messageId != null;
    }

    public Recipient claim(String forMessageId) {
        return new Recipient(id, NotificationState.PENDING, attempts, retryAt, null, forMessageId, reason);
    }

    public Recipient sent(Instant at, String newMessageId) {
        return new Recipient(id, NotificationState.SENT, attempts, null, at, newMessageId, null);
    }

    public Recipient failed(Instant at, String newMessageId, String why) {
        return new Recipient(id, NotificationState.FAILED, attempts + 1, null, at, newMessageId, why);
    }

    public Recipient dropped(Instant at, String why) {
        return new Recipient(id, NotificationState.DROPPED, attempts, null, at, null, why);
    }

    public Recipient retryAt(Instant when, String why) {
        return new Recipient(id, NotificationState.PENDING, attempts + 1, when, null, null, why);
    }

    /** The first 16 hex digits of the SHA-256 of the lower-cased address. */
    public static String idOf(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
