package org.vigia.alerts;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads what the real SMTP server (GreenMail) received, decoding the MIME subject and parts. */
final class Mailbox {

    /** One received email, decoded as a mail client would show it. */
    record Received(List<String> to, String subject, String text, String html, String messageId, String contentType) {
        boolean isFor(String subscriberId) {
            return to.contains(Mailbox.address(subscriberId));
        }
    }

    static String address(String subscriberId) {
        return "alertas@" + subscriberId + ".example";
    }

    static List<Received> read(GreenMail greenMail) {
        List<Received> all = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            all.add(decode(m));
        }
        return all;
    }

    static Received decode(MimeMessage m) {
        try {
            List<String> to = Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Address::toString).toList();
            String text = null;
            String html = null;
            if (m.getContent() instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    Part part = mp.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            }
            return new Received(to, m.getSubject(), text, html, m.getMessageID(), m.getContentType());
        } catch (Exception e) {
            throw new IllegalStateException("cannot decode a received message", e);
        }
    }
}
