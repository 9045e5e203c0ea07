package org.vigia.alerts.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.vigia.events.ValidationException;

/**
 * The {@code after} of {@code GET /api/v1/notifications?order=key}: an opaque token for a
 * position in the delivery log's key order — the key of the last entry of the page it came
 * with. To the caller it is a string to hand back; to the service it is where the next range
 * read starts (after that key), so a walk of every page is one pass over the log, each entry
 * once, however large the log. A token is not a secret and grants nothing: it names a
 * subscriber and an alert, which the caller's page already showed it.
 */
public final class PageToken {
    static final String FIELD = "after";
    private static final String VERSION = "v1:";
    private static final String RULE = "must be a page token, as given in the Link rel=\"next\" header of the previous page";

    private PageToken() {
    }

    /** The token that continues after {@code key}. */
    public static String after(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key a token continues after; a 400 naming {@code after} if it is not a token this service gave. */
    public static String keyOf(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new ValidationException(FIELD, RULE);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notText) {
            throw new ValidationException(FIELD, RULE);
        }
        if (!text.startsWith(VERSION) || text.indexOf('|') <= VERSION.length()) {
            throw new ValidationException(FIELD, RULE);
        }
        return text.substring(VERSION.length());
    }
}
