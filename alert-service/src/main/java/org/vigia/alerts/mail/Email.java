package org.vigia.alerts.mail;

import java.util.List;

/**
 * One email ready to send: multipart text + HTML, UTF-8.
 *
 * @param messageId the stable {@code <…@vigia>} Message-ID: the same notifications always get the same one
 * @param listUnsubscribe the {@code List-Unsubscribe} header value ({@code <mailto:…>} or {@code <https://…>})
 */
public record Email(List<String> to, String subject, String text, String html, String messageId, String listUnsubscribe) {

    public Email {
        to = List.copyOf(to);
    }

    @Override
    public String toString() {
        return "Email[" + messageId + ", " + to.size() + " recipient(s)]";
    }
}
