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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.alerts.mail.SendReport.Outcome;
import org.vigia.alerts.mail.SendReport.Result;
import org.vigia.kit.Causes;

/**
 * SMTP delivery with Angus Mail: STARTTLS required when configured, authentication when a
 * user name is set, bounded timeouts, partial sends, and the server's answer kept for each
 * recipient: a 4xx to one RCPT is retried for that address alone, a 5xx recorded as final.
 * Logs name the Message-ID and counts, never an address or the password.
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
    public SendReport send(Email email) {
        try {
            MimeMessage message = build(email);
            if (settings.username().isPresent()) {
                Transport.send(message, settings.username().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
            return SendReport.all(email.to(), Outcome.ACCEPTED);
        } catch (SendFailedException e) {
            return partial(email, e);
        } catch (AuthenticationFailedException e) {
            return SendReport.all(email.to(), new Outcome(Result.TEMPORARY, "SMTP authentication failed", "auth", 0));
        } catch (MessagingException e) {
            boolean connection = e.getCause() instanceof java.io.IOException;
            String reason = "cannot send via " + settings.host() + ":" + settings.port() + ": " + rootMessage(e);
            log.warn("{} not sent: {}", email.messageId(), reason);
            return SendReport.all(email.to(), new Outcome(Result.TEMPORARY, reason, connection ? "connection" : "smtp", 0));
        }
    }

    /** Sorts the recipients of a partly or wholly refused send by what the server answered each. */
    private SendReport partial(Email email, SendFailedException e) {
        Map<String, Outcome> answers = new HashMap<>();
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a) {
                answers.put(a.getAddress().getAddress().toLowerCase(Locale.ROOT), outcome(a.getReturnCode(), a.getMessage()));
            }
        }
        Outcome whole = e instanceof SMTPSendFailedException s && s.getReturnCode() >= 400
                ? outcome(s.getReturnCode(), s.getMessage())
                : new Outcome(Result.TEMPORARY, "not sent: " + rootMessage(e), "smtp", 0);
        Map<String, Outcome> byAddress = new HashMap<>();
        List<String> sent = addresses(e.getValidSentAddresses());
        for (String to : email.to()) {
            String lower = to.toLowerCase(Locale.ROOT);
            byAddress.put(to, sent.contains(lower) ? Outcome.ACCEPTED : answers.getOrDefault(lower, whole));
        }
        long accepted = byAddress.values().stream().filter(o -> o.result() == Result.ACCEPTED).count();
        log.warn("email {} reached {} of its {} recipients", email.messageId(), accepted, email.to().size());
        return new SendReport(byAddress);
    }

    private static Outcome outcome(int code, String serverMessage) {
        String reason = code + " " + clean(serverMessage);
        return code >= 500 ? new Outcome(Result.PERMANENT, reason, "rejected", code)
                : new Outcome(Result.TEMPORARY, reason, "smtp", code);
    }

    private static List<String> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return java.util.Arrays.stream(addresses).map(a -> a instanceof InternetAddress i ? i.getAddress() : a.toString())
                .map(a -> a.toLowerCase(Locale.ROOT)).toList();
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
        if (email.listUnsubscribe() != null) {
            message.setHeader("List-Unsubscribe", email.listUnsubscribe());
        }
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
        Throwable root = Causes.root(t);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + clean(root.getMessage()));
    }

    /** Servers quote refused addresses in their replies; never let one reach the log or the delivery log. */
    static String clean(String message) {
        return message == null ? "" : message.replaceAll("[^\\s<>\"]+@[^\\s<>\"]+", "<address>").trim();
    }
}
