package org.vigia.alerts.mail;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigia.alerts.log.Kind;
import org.vigia.alerts.log.Notification;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.events.Alert;
import org.vigia.events.CommitmentState;

/**
 * Renders one email (subject, text and HTML parts) in the subscriber's language for a group
 * of notifications. Plain Java templates: the layout is small, a template engine would be one
 * more dependency and one more escaping convention to get right, and here the compiler checks
 * every placeholder. Every value from the data goes through {@link Html#escape} in the HTML part.
 */
public final class EmailComposer {
    private final String panel;
    private final ZoneId zone;

    /** @param zone the zone in which digest dates are written */
    public EmailComposer(URI panelUrl, ZoneId zone) {
        String p = panelUrl.toString();
        this.panel = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        this.zone = zone;
    }

    public Email compose(Subscription to, List<Notification> group, Instant now) {
        Texts t = Texts.of(to.language());
        List<Item> items = group.stream().map(n -> new Item(n, new Details(n.alert().details()))).toList();
        String subject = "[Vigía] " + subject(t, to, items, now);
        String messageId = MessageIds.of(group.stream().map(Notification::identity).toList());
        return new Email(to.emails(), subject, text(t, to, items), html(t, to, items, subject), messageId);
    }

    private record Item(Notification n, Details d) {
        Alert alert() {
            return n.alert();
        }
    }

    private String subject(Texts t, Subscription to, List<Item> items, Instant now) {
        if (to.delivery().digest()) {
            return t.digestTitle(to.delivery(), now.atZone(zone).toLocalDate().toString()) + ": " + t.alerts(items.size());
        }
        Item first = items.get(0);
        String one = (first.n().kind() == Kind.REMINDER ? t.reminderPrefix() : "") + head(first.alert()) + ": " + t.what(first.alert(), first.d());
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

    private List<String[]> facts(Texts t, Item item) {
        Details d = item.d();
        List<String[]> facts = new ArrayList<>();
        d.decimal("completion").ifPresent(v -> facts.add(new String[] {t.completionLabel(), t.percent(v)}));
        d.decimal("verifiedCompletion").ifPresent(v -> facts.add(new String[] {t.verifiedLabel(), t.percent(v)}));
        d.whole("daysWithoutProgress").ifPresent(v -> facts.add(new String[] {t.daysLabel(), String.valueOf(v)}));
        d.date("dueDate").ifPresent(v -> facts.add(new String[] {t.dueLabel(), v}));
        d.text("state").ifPresent(v -> facts.add(new String[] {t.stateLabel(), state(t, v)}));
        d.date("lastProgressAt").ifPresent(v -> facts.add(new String[] {t.lastProgressLabel(), v}));
        d.text("lastNote").ifPresent(v -> facts.add(new String[] {t.noteLabel(), "«" + v + "»"}));
        return facts;
    }

    private static String state(Texts t, String raw) {
        try {
            return t.state(CommitmentState.valueOf(raw));
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private String text(Texts t, Subscription to, List<Item> items) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.greeting(to.name())).append("\n\n").append(t.intro(items.size(), to.delivery())).append("\n");
        for (Item item : items) {
            Alert a = item.alert();
            sb.append("\n== ").append(t.kindLabel(item.n().kind())).append(": ").append(head(a)).append(" ==\n");
            sb.append(Texts.capitalise(t.what(a, item.d()))).append(".\n");
            sb.append(a.summary()).append("\n");
            for (String[] fact : facts(t, item)) {
                sb.append(fact[0]).append(": ").append(fact[1]).append("\n");
            }
            Optional<String> evidence = item.d().text("lastEvidenceUrl");
            evidence.ifPresent(url -> sb.append(t.evidenceLabel()).append(": ").append(url).append("\n"));
            List<Details.Headline> headlines = item.d().headlines();
            if (!headlines.isEmpty()) {
                sb.append(t.headlinesLabel()).append(":\n");
                headlines.forEach(h -> sb.append("  - ").append(h.title()).append(h.url() == null ? "" : " <" + h.url() + ">").append("\n"));
            }
            sb.append(t.panelLabel()).append(": ").append(panelLink(a)).append("\n");
        }
        sb.append("\n-- \n").append(t.footer(to.name())).append("\n");
        return sb.toString();
    }

    private String html(Texts t, Subscription to, List<Item> items, String subject) {
        StringBuilder body = new StringBuilder();
        for (Item item : items) {
            Alert a = item.alert();
            StringBuilder facts = new StringBuilder();
            for (String[] fact : facts(t, item)) {
                facts.append("<tr><th align=\"left\">").append(Html.escape(fact[0])).append("</th><td>")
                        .append(Html.escape(fact[1])).append("</td></tr>\n");
            }
            item.d().text("lastEvidenceUrl").ifPresent(url -> facts.append("<tr><th align=\"left\">")
                    .append(Html.escape(t.evidenceLabel())).append("</th><td>").append(Html.link(url, url)).append("</td></tr>\n"));
            StringBuilder headlines = new StringBuilder();
            List<Details.Headline> list = item.d().headlines();
            if (!list.isEmpty()) {
                headlines.append("<p>").append(Html.escape(t.headlinesLabel())).append(":</p><ul>");
                list.forEach(h -> headlines.append("<li>").append(h.url() == null ? Html.escape(h.title()) : Html.link(h.url(), h.title())).append("</li>"));
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
                    Html.escape(t.kindLabel(item.n().kind())),
                    Html.escape(head(a)),
                    Html.escape(Texts.capitalise(t.what(a, item.d()))),
                    Html.escape(a.summary()),
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
                to.language().name().toLowerCase(java.util.Locale.ROOT),
                Html.escape(subject),
                Html.escape(t.greeting(to.name())),
                Html.escape(t.intro(items.size(), to.delivery())),
                body,
                Html.escape(t.footer(to.name())));
    }
}
