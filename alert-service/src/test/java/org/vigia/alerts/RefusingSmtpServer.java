package org.vigia.alerts;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEtha SMTP) on a free loopback port that answers each RCPT as the
 * test scripts it: a queue of reply codes per address ({@code 451} then accept, {@code 250}
 * then {@code 451} then accept, {@code 550} for ever); every other address is accepted. GreenMail accepts every recipient, so it cannot
 * test per-recipient refusals.
 */
final class RefusingSmtpServer implements AutoCloseable {
    /** One accepted transaction: the recipients the server took and the message. */
    record Delivered(List<String> to, MimeMessage message) {
        String messageId() {
            try {
                return message.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Map<String, Deque<Integer>> script = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final SMTPServer server;

    RefusingSmtpServer() {
        server = SMTPServer.port(0).bindAddress(java.net.InetAddress.getLoopbackAddress())
                .messageHandlerFactory(ctx -> new Handler()).build();
        server.start();
    }

    int port() {
        return server.getPortAllocated();
    }

    /** The address is answered with these codes, one per attempt ({@code 250} accepts, a 4xx or 5xx refuses), then accepted. */
    RefusingSmtpServer refuseThenAccept(String address, Integer... codes) {
        script.put(address.toLowerCase(Locale.ROOT), new ArrayDeque<>(List.of(codes)));
        return this;
    }

    RefusingSmtpServer refuseAlways(String address, int code) {
        always.put(address.toLowerCase(Locale.ROOT), code);
        return this;
    }

    List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    List<Delivered> deliveredTo(String address) {
        return delivered.stream().filter(d -> d.to().contains(address.toLowerCase(Locale.ROOT))).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Handler implements MessageHandler {
        private final List<String> accepted = new ArrayList<>();

        @Override
        public void from(String from) {
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            String address = recipient.toLowerCase(Locale.ROOT);
            Integer code = always.get(address);
            if (code == null) {
                Deque<Integer> codes = script.get(address);
                code = codes == null ? null : codes.poll();
            }
            if (code != null && code != 250) {
                throw new RejectException(code, code >= 500 ? "5.1.1 mailbox unavailable" : "4.2.1 mailbox busy, try later");
            }
            accepted.add(address);
        }

        @Override
        public String data(InputStream data) throws IOException {
            try {
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data.readAllBytes()));
                delivered.add(new Delivered(List.copyOf(accepted), m));
            } catch (jakarta.mail.MessagingException e) {
                throw new IOException(e);
            }
            return null;
        }

        @Override
        public void done() {
        }
    }
}
