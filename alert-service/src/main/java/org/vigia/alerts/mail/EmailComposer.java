package org.vigia.alerts.mail;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails;
import org.vigia.events.AlertDetails.Headline;

/**
 * Renders one email (subject, text and HTML parts, {@code List-Unsubscribe}) in the
 * subscriber's language for a group of notifications, from each alert's type, status and typed
 * details. Plain Java templates: the layout is small, a template engine would be one more
 * dependency and one more escaping convention to get right, and here the compiler checks every
 * placeholder. Every value from the data goes through {@link Html#escape} in the HTML part.
 */
public final class EmailComposer {
    private final String panel;
    private final ZoneId zone;
    private final String contact;

    /**
     * @param zone the zone in which digest dates are written
     * @param contact the address that changes, pauses or ends subscriptions (footer and {@code List-Unsubscribe})
     */
    public EmailComposer(URI panelUrl, ZoneId zone, String contact) {
        String p = panelUrl.toString();
        this.panel = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        this.zone = zone;
        this.contact = contact;
    }

    /** The email for these notifications, to these of the subscriber's addresses. */
    public Email compose(Subscription to, List<String> addresses, List<Notification> group, Instant now) {
        Texts t = Texts.of(to.language());
        String subject = "[Vigía] " + subject(t, to, group, now);
        String messageId = MessageIds.of(group.stream().map(Notification::identity).toList());
        String unsubscribe = "<mailto:" + contact + "?subject=" + URLEncoder.encode("unsubscribe " + to.id(), StandardCharsets.UTF_8)
                .replace("+", "%20") + ">";
        return new Email(addresses, subject, text(t, to, group), html(t, to, group, subject), messageId, unsubscribe);
    }

    private String subject(Texts t, Subscription to, List<Notification> items, Instant now) {
        if (to.delivery().digest()) {
            return t.digestTitle(to.delivery(), now.atZone(zone).toLocalDate().toString()) + ": " + t.alerts(items.size());
        }
        Notification first = items.get(0);
        String one = (first.kind() == NotificationKind.REMINDER ? t.reminderPrefix() : "") + head(first.alert()) + ": "
                + t.what(first.alert());
        return items.size() == 1 ? one : t.alerts(items.size()) + ": " + one + t.andMore(items.size() - 1);
    }

    private static String head(Alert a) {
        return a.title() == null || a.title().isBlank() ? a.agency() : a.agency() + " · " + a.title();
    }

    /** The link to the commitment (or agency) on the control panel. */
    String panelLink(Alert a) {
        String target = a.commitmentId() != null ? "commitments/" + a.commitmentId() : "agencies/" + a.agency();
        return panel + "/#/" + URLEncoder.encode(target, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static List<String[]> facts(Texts t, Alert a) {
        AlertDetails d = a.details();
        List<String[]> facts = new ArrayList<>();
        Texts.decimal(d.completion()).ifPresent(v -> facts.add(new String[] {t.completionLabel(),
                t.percent(v) + (Boolean.TRUE.equals(d.evidenceMissing()) ? " (" + t.evidenceMissing() + ")" : "")}));
        Texts.decimal(d.verifiedCompletion()).ifPresent(v -> facts.add(new String[] {t.verifiedLabel(), t.percent(v)}));
        if (d.daysWithoutProgress() != null) {
            facts.add(new String[] {t.daysLabel(), String.valueOf(d.daysWithoutProgress())});
        }
        if (d.dueDate() != null) {
            facts.add(new String[] {t.dueLabel(), d.dueDate().toString()});
        }
        if (d.state() != null) {
            facts.add(new String[] {t.stateLabel(), t.state(d.state())});
        }
        if (d.lastProgressAt() != null) {
            facts.add(new String[] {t.lastProgressLabel(), Texts.date(d.lastProgressAt())});
        }
        if (d.projectedCompletion() != null) {
            facts.add(new String[] {t.projectedLabel(), d.projectedCompletion().toString()});
        }
        if (d.plans() != null && !d.plans().isEmpty()) {
            facts.add(new String[] {t.plansLabel(), String.join(", ", d.plans())});
        }
        if (d.lastNote() != null && !d.lastNote().isBlank()) {
            facts.add(new String[] {t.noteLabel(), "«" + d.lastNote().trim() + "»"});
        }
        return facts;
    }

    private static List<Headline> headlines(Alert a) {
        List<Headline> h = a.details().headlines();
        return h == null ? List.of() : h.stream().filter(x -> x.title() != null && !x.title().isBlank()).toList();
    }

    private static String source(Headline h) {
        String outlet = h.outlet() == null ? "" : h.outlet();
        String when = h.publishedAt() == null ? "" : Texts.date(h.publishedAt());
        String both = outlet.isEmpty() || when.isEmpty() ? outlet + when : outlet + ", " + when;
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    private String text(Texts t, Subscription to, List<Notification> items) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.greeting(to.name())).append("\n\n").append(t.intro(items.size(), to.delivery())).append("\n");
        for (Notification n : items) {
            Alert a = n.alert();
            sb.append("\n== ").append(t.kindLabel(n.kind())).append(": ").append(head(a)).append(" ==\n");
            sb.append(Texts.capitalise(t.what(a))).append(".\n");
            String explanation = t.explain(a);
            if (!explanation.isEmpty()) {
                sb.append(explanation).append("\n");
            }
            for (String[] fact : facts(t, a)) {
                sb.append(fact[0]).append(": ").append(fact[1]).append("\n");
            }
            String evidence = a.details().lastEvidenceUrl();
            if (evidence != null && !evidence.isBlank()) {
                sb.append(t.evidenceLabel()).append(": ").append(evidence.trim()).append("\n");
            }
            List<Headline> headlines = headlines(a);
            if (!headlines.isEmpty()) {
                sb.append(t.headlinesLabel()).append(":\n");
                headlines.forEach(h -> sb.append("  - ").append(h.title()).append(source(h))
                        .append(Html.isHttp(h.url()) ? " <" + h.url().trim() + ">" : "").append("\n"));
            }
            sb.append(t.panelLabel()).append(": ").append(panelLink(a)).append("\n");
        }
        sb.append("\n-- \n").append(t.footer(to.name(), to.id(), contact)).append("\n");
        return sb.toString();
    }

    private String html(Texts t, Subscription to, List<Notification> items, String subject) {
        StringBuilder body = new StringBuilder();
        for (Notification n : items) {
            Alert a = n.alert();
            StringBuilder facts = new StringBuilder();
            for (String[] fact : facts(t, a)) {
                facts.append("<tr><th align=\"left\">").append(Html.escape(fact[0])).append("</th><td>")
                        .append(Html.escape(fact[1])).append("</td></tr>\n");
            }
            String evidence = a.details().lastEvidenceUrl();
            if (evidence != null && !evidence.isBlank()) {
                facts.append("<tr><th align=\"left\">").append(Html.escape(t.evidenceLabel())).append("</th><td>")
                        .append(Html.link(evidence.trim(), evidence.trim())).append("</td></tr>\n");
            }
            StringBuilder headlines = new StringBuilder();
            List<Headline> list = headlines(a);
            if (!list.isEmpty()) {
                headlines.append("<p>").append(Html.escape(t.headlinesLabel())).append(":</p><ul>");
                list.forEach(h -> headlines.append("<li>").append(Html.link(h.url() == null ? null : h.url().trim(), h.title()))
                        .append(Html.escape(source(h))).append("</li>"));
                headlines.append("</ul>\n");
            }
            body.append("""
                    <div class="alert">
                    <p class="kind">%s</p>
                    <h2>%s</h2>
                    <p><strong>%s.</strong> %s</p>
                    <table>
                    %s</table>
                    %s<p>%s</p>
                    </div>
                    """.formatted(
                    Html.escape(t.kindLabel(n.kind())),
                    Html.escape(head(a)),
                    Html.escape(Texts.capitalise(t.what(a))),
                    Html.escape(t.explain(a)),
                    facts,
                    headlines,
                    Html.link(panelLink(a), t.panelLabel())));
        }
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><title>%s</title></head>
                <body>
                <p>%s</p>
                <p>%s</p>
                %s<hr>
                <p><small>%s</small></p>
                </body>
                </html>
                """.formatted(
                to.language().name().toLowerCase(Locale.ROOT),
                Html.escape(subject),
                Html.escape(t.greeting(to.name())),
                Html.escape(t.intro(items.size(), to.delivery())),
                body,
                Html.escape(t.footer(to.name(), to.id(), contact)));
    }
}
