package org.vigia.alerts.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMTP delivery with Angus Mail: STARTTLS required when configured, authentication when a
 * user name is set, bounded timeouts. Partial sends are enabled so one refused address does not
 * hold back the others. Logs name the Message-ID and counts, never an address or the password.
 */
public final class SmtpMailer implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.sendpartial", "true");
        p.put("mail.mime.charset", StandardCharsets.UTF_8.name());
        if (settings.username().isPresent()) {
            p.put("mail.smtp.auth", "true");
        }
        if (settings.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public void send(Email email) throws MailFailure {
        try {
            MimeMessage message = build(email);
            if (settings.username().isPresent()) {
                Transport.send(message, settings.username().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (SendFailedException e) {
            Address[] sent = e.getValidSentAddresses();
            Address[] unsent = e.getValidUnsentAddresses();
            Address[] invalid = e.getInvalidAddresses();
            if (sent != null && sent.length > 0) {
                log.warn("email {} reached {} of its recipients; {} refused", email.messageId(), sent.length,
                        invalid == null ? 0 : invalid.length);
                return;
            }
            boolean permanent = invalid != null && invalid.length > 0 && (unsent == null || unsent.length == 0);
            throw new MailFailure(permanent ? "rejected" : "smtp", permanent, "SMTP refused " + email.messageId(), e);
        } catch (AuthenticationFailedException e) {
            throw new MailFailure("auth", false, "SMTP authentication failed", e);
        } catch (MessagingException e) {
            boolean connection = e.getCause() instanceof java.io.IOException;
            throw new MailFailure(connection ? "connection" : "smtp", false,
                    "cannot send " + email.messageId() + " via " + settings.host() + ":" + settings.port() + ": " + rootMessage(e), e);
        }
    }

    private MimeMessage build(Email email) throws MessagingException {
        String messageId = email.messageId();
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(settings.from());
        InternetAddress[] to = new InternetAddress[email.to().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(email.to().get(i));
        }
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        // Servers quote refused addresses in their replies; never let one reach the log.
        return root.getClass().getSimpleName() + message.replaceAll("[^\\s<>\"]+@[^\\s<>\"]+", "<address>");
    }
}
