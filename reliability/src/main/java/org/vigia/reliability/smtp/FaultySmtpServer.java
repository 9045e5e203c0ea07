package org.vigia.reliability.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEtha SMTP) on 127.0.0.1 that can be told to refuse one recipient with
 * a given reply code — {@code 451} (try later) or {@code 550} (no such mailbox), per address,
 * at RCPT TO as real servers do, quoting the address in the reply — or to go away (the port
 * closes, connections drop) and come back on the same port. It records every accepted
 * (recipient, Message-ID) pair and every refusal.
 */
public final class FaultySmtpServer implements AutoCloseable {
    /** Optional AUTH PLAIN/LOGIN that the server then requires. */
    public record Credentials(String username, String password) {
    }

    private final int port;
    private final Optional<Credentials> credentials;
    private final Map<String, Integer> refusing = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Session parser = Session.getInstance(new Properties());
    private SMTPServer server;

    private FaultySmtpServer(int port, Optional<Credentials> credentials) {
        this.port = port;
        this.credentials = credentials;
    }

    /** Starts on {@code port} (fixed for its whole life, so it can come back on it). */
    public static FaultySmtpServer start(int port, Optional<Credentials> credentials) {
        FaultySmtpServer s = new FaultySmtpServer(port, credentials);
        s.comeBack();
        return s;
    }

    public int port() {
        return port;
    }

    /** From now on RCPT TO {@code address} is answered {@code code} (4xx or 5xx). */
    public void refuse(String address, int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("a refusal is a 4xx or 5xx reply, not " + code);
        }
        refusing.put(address.toLowerCase(Locale.ROOT), code);
    }

    /** Accepts {@code address} again. */
    public void accept(String address) {
        refusing.remove(address.toLowerCase(Locale.ROOT));
    }

    /** Closes the port: connections drop, new ones are refused, until {@link #comeBack()}. */
    public synchronized void goAway() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Listens again on the same port. */
    public synchronized void comeBack() {
        if (server != null) {
            return;
        }
        SMTPServer.Builder b = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress())
                .hostName("smtp.reliability.localhost").maxMessageSize(64 * 1024 * 1024)
                .messageHandlerFactory(this::handler);
        credentials.ifPresent(c -> b.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(
                (user, password, context) -> {
                    if (!c.username().equals(user) || !c.password().equals(password)) {
                        throw new org.subethamail.smtp.auth.LoginFailedException();
                    }
                })).requireAuth());
        server = b.build();
        server.start();
    }

    public synchronized boolean up() {
        return server != null;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** How many RCPT TO each address was refused. */
    public Map<String, Integer> refusals() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        refused.forEach((a, n) -> out.put(a, n.get()));
        return out;
    }

    private MessageHandler handler(MessageContext context) {
        List<String> recipients = new ArrayList<>();
        return new MessageHandler() {
            @Override
            public void from(String from) {
                // every sender is welcome
            }

            @Override
            public void recipient(String recipient) throws RejectException {
                String address = recipient.toLowerCase(Locale.ROOT);
                Integer code = refusing.get(address);
                if (code != null) {
                    refused.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                    throw new RejectException(code, code >= 500 ? "5.1.1 <" + recipient + ">: Recipient address rejected: no such mailbox"
                            : "4.2.1 <" + recipient + ">: Mailbox temporarily unavailable, try again later");
                }
                recipients.add(address);
            }

            @Override
            public String data(InputStream data) throws IOException {
                byte[] raw = data.readAllBytes();
                String messageId;
                String subject;
                try {
                    MimeMessage m = new MimeMessage(parser, new ByteArrayInputStream(raw));
                    messageId = m.getHeader("Message-ID", null);
                    subject = m.getSubject();
                } catch (MessagingException e) {
                    messageId = null;
                    subject = null;
                }
                Instant now = Instant.now();
                for (String r : recipients) {
                    deliveries.add(new Delivery(r, messageId, subject, now));
                }
                return null;
            }

            @Override
            public void done() {
                // nothing held per message
            }
        };
    }

    @Override
    public void close() {
        goAway();
    }
}
