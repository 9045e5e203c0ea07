package org.vigia.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local SMTP sink: a GreenMail SMTP server on 127.0.0.1 that accepts every message.
 * Each message received is also written as an {@code .eml} file (open it in any mail
 * client) to the stack's {@code mail/} folder, and listed by the mailbox page.
 */
public final class MailSink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailSink.class);

    private final GreenMail greenMail;
    private final Path folder;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-sink-writer");
        t.setDaemon(true);
        return t;
    });
    private int written;

    private MailSink(GreenMail greenMail, Path folder) {
        this.greenMail = greenMail;
        this.folder = folder;
    }

    public static MailSink start(int port, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        MailSink sink = new MailSink(greenMail, folder);
        sink.writer.scheduleWithFixedDelay(sink::writeNew, 500, 500, TimeUnit.MILLISECONDS);
        return sink;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public Path folder() {
        return folder;
    }

    public List<MimeMessage> messages() {
        return List.of(greenMail.getReceivedMessages());
    }

    private synchronized void writeNew() {
        MimeMessage[] all = greenMail.getReceivedMessages();
        for (; written < all.length; written++) {
            Path file = folder.resolve(String.format("%04d.eml", written + 1));
            try (OutputStream out = Files.newOutputStream(file)) {
                all[written].writeTo(out);
            } catch (IOException | MessagingException e) {
                log.warn("could not write {}", file.getFileName(), e);
            }
        }
    }

    /** One line per message: recipients and subject, for the console and the mailbox page. */
    public static String describe(MimeMessage m) {
        try {
            StringBuilder to = new StringBuilder();
            for (var a : m.getRecipients(Message.RecipientType.TO)) {
                if (!to.isEmpty()) {
                    to.append(", ");
                }
                to.append(a.toString());
            }
            return to + " — " + m.getSubject();
        } catch (MessagingException e) {
            return "(unreadable message)";
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        writeNew();
        greenMail.stop();
    }
}
