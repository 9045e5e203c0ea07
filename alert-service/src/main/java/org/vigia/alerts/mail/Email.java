package org.vigia.alerts.mail;

import java.util.List;

/**
 * One email ready to send: multipart text + HTML, UTF-8.
 *
 * @param messageId the stable {@code <…@vigia>} Message-ID: the same notifications always get the same one
 */
public record Email(List<String> to, String subject, String text, String html, String messageId) {

    public Email {
        to = List.copyOf(to);
    }

    @Override
    public String toString() {
        return "Email[" + messageId + ", " + to.size() + " recipient(s)]";
    }
}
