package org.vigia.reliability.smtp;

import java.time.Instant;

/**
 * One message accepted for one recipient: the SMTP server's {@code 250} after DATA, for an
 * address it had accepted at RCPT TO.
 *
 * @param messageId the message's {@code Message-ID} header, as sent
 */
public record Delivery(String recipient, String messageId, String subject, Instant at) {
}
