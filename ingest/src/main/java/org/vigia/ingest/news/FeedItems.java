package org.vigia.ingest.news;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an RSS 0.9x/1.0/2.0 or Atom document with ROME (DOCTYPEs refused, so no external
 * entities) into plain items. A document that is not a feed — malformed XML, an HTML error
 * page — raises {@link BadFeedException}.
 */
public final class FeedItems {
    /** One item: its identity (GUID, RSS 1.0 about or Atom id, else the link), link, title, text and date (null if absent or unreadable). */
    public record Item(String identity, String link, String title, String text, Instant published) {
    }

    /** The document is not a feed ROME can read. */
    public static final class BadFeedException extends Exception {
        BadFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private FeedItems() {
    }

    public static List<Item> parse(byte[] body, String contentType) throws BadFeedException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            XmlReader reader = contentType == null
                    ? new XmlReader(new ByteArrayInputStream(body), true)
                    : new XmlReader(new ByteArrayInputStream(body), contentType, true);
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new BadFeedException("not a readable RSS or Atom feed: " + firstLine(e.getMessage()), e);
        }
        List<Item> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String link = trim(e.getLink());
            String identity = trim(e.getUri()) != null ? trim(e.getUri()) : link;
            if (identity == null) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            SyndContent description = e.getDescription();
            if (description != null && description.getValue() != null) {
                text.append(stripTags(description.getValue()));
            }
            for (SyndContent c : e.getContents()) {
                if (c.getValue() != null) {
                    text.append(' ').append(stripTags(c.getValue()));
                }
            }
            for (SyndCategory c : e.getCategories()) {
                if (c.getName() != null) {
                    text.append(' ').append(c.getName());
                }
            }
            java.util.Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            String title = e.getTitle() == null ? "" : stripTags(e.getTitle()).strip();
            items.add(new Item(identity, link, title, text.toString().strip(), date == null ? null : date.toInstant()));
        }
        return items;
    }

    static String stripTags(String html) {
        return html.replaceAll("(?s)<[^>]*>", " ").replace("&nbsp;", " ").replaceAll("\\s+", " ").strip();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
