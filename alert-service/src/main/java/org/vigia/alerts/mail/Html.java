package org.vigia.alerts.mail;

import java.net.URI;
import java.util.Locale;

/** Escaping for the HTML part: everything that comes from data goes through {@link #escape}. */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A link only for http(s) URLs; anything else (javascript:, data:) is shown as text. */
    public static String link(String url, String label) {
        if (!isHttp(url)) {
            return escape(label);
        }
        return "<a href=\"" + escape(url) + "\">" + escape(label) + "</a>";
    }

    public static boolean isHttp(String url) {
        if (url == null) {
            return false;
        }
        try {
            String scheme = URI.create(url.trim()).getScheme();
            return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
