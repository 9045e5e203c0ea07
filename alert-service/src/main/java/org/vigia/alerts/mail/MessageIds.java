package org.vigia.alerts.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Stable Message-IDs: {@code <sha256(identities)@vigia>} over the sorted identities
 * ({@code subscriber|alertId|status|…}) of the notifications in the email. A notification
 * re-sent after a crash between the SMTP server's acceptance and the log write carries the same
 * Message-ID, so mail clients and the SMTP sink can recognise the duplicate.
 */
public final class MessageIds {
    private MessageIds() {
    }

    public static String of(Collection<String> identities) {
        List<String> sorted = identities.stream().sorted().toList();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest) + "@vigia>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
