package org.vigia.stack;

import io.javalin.config.RoutesConfig;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** A page listing what the local SMTP sink received, newest first, with each message readable. */
final class MailboxPage {
    private final MailSink sink;

    MailboxPage(MailSink sink) {
        this.sink = sink;
    }

    void routes(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(index()));
        routes.get("/messages/{n}", ctx -> {
            int n = Integer.parseInt(ctx.pathParam("n"));
            List<MimeMessage> all = sink.messages();
            if (n < 1 || n > all.size()) {
                ctx.status(404).result("no message " + n);
                return;
            }
            MimeMessage m = all.get(n - 1);
            String html = html(m);
            if (html != null) {
                ctx.contentType("text/html; charset=utf-8").result(html);
            } else {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                m.writeTo(raw);
                ctx.contentType("text/plain; charset=utf-8").result(raw.toByteArray());
            }
        });
        routes.get("/messages/{n}/raw", ctx -> {
            int n = Integer.parseInt(ctx.pathParam("n"));
            List<MimeMessage> all = sink.messages();
            if (n < 1 || n > all.size()) {
                ctx.status(404).result("no message " + n);
                return;
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            all.get(n - 1).writeTo(raw);
            ctx.contentType("message/rfc822").result(raw.toByteArray());
        });
    }

    private String index() {
        List<MimeMessage> all = sink.messages();
        StringBuilder rows = new StringBuilder();
        for (int i = all.size(); i >= 1; i--) {
            rows.append("<li><a href=\"/messages/").append(i).append("\">#").append(i).append("</a> ")
                    .append(escape(MailSink.describe(all.get(i - 1))))
                    .append(" · <a href=\"/messages/").append(i).append("/raw\">.eml</a></li>\n");
        }
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vigía · local mailbox</title>
                <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}li{margin:.3rem 0}</style>
                </head><body><h1>Local mailbox</h1>
                <p>Every email the alert service sent to the local SMTP sink (%d). Also saved as .eml files.</p>
                <ul>%s</ul></body></html>""".formatted(all.size(), rows);
    }

    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String found = html(mp.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
