package org.vigia.ingest.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigia.events.IrmLevel;
import org.vigia.events.Json;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;

/**
 * Reads the body of {@code POST /api/v1/progress} — one ProgressUpdate or an array of them —
 * token by token, without data binding: the request threads' busiest work, where Jackson's
 * record creation and duplicate detection were about 40 % of their time.
 *
 * <p>It reads only bodies it is sure of, into exactly the values the strict reader
 * ({@link JsonBodies} with {@link Json#strict()}) would read: known fields, each at most once,
 * strings for strings, numbers for {@code percent}, the exact names of {@code level} and
 * {@code source}, instants in a form {@link Json#instant} reads. Anything else — an unknown or
 * repeated field, a value of another JSON type, malformed JSON, a {@code null} item, an empty
 * array, an enum name with spaces around it — makes it give up, and the strict reader reads the
 * body instead: whatever it refuses is refused in its words (the field and the rule), and
 * whatever it accepts is accepted. The two are compared on every kind of input by
 * {@code ProgressBodyReaderTest}.
 */
final class ProgressBodyReader {
    /** The fast path gives up; the strict reader decides. Thrown without a stack trace. */
    private static final class NotSure extends Exception {
        NotSure() {
            super("not sure", null, false, false);
        }
    }

    private static final NotSure NOT_SURE = new NotSure();
    private static final IrmLevel[] LEVELS = IrmLevel.values();
    private static final Source[] SOURCES = Source.values();

    private ProgressBodyReader() {
    }

    static JsonBodies.Items<ProgressUpdate> read(byte[] body) {
        JsonBodies.Items<ProgressUpdate> fast = readIfPlain(body);
        return fast != null ? fast : JsonBodies.read(body, ProgressUpdate.class);
    }

    /** The items of a plainly valid body, or null when the strict reader must decide. */
    static JsonBodies.Items<ProgressUpdate> readIfPlain(byte[] body) {
        boolean array = JsonBodies.isArray(body);
        // The strict reader's own parser (same features and limits), but duplicates are tracked here, by field.
        try (JsonParser p = Json.strict().createParser(body)) {
            p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = p.nextToken();
            List<ProgressUpdate> items;
            if (array && first == JsonToken.START_ARRAY) {
                items = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                    items.add(item(p));
                }
                if (t != JsonToken.END_ARRAY || items.isEmpty()) {
                    return null;
                }
            } else if (!array && first == JsonToken.START_OBJECT) {
                items = List.of(item(p));
            } else {
                return null;
            }
            if (p.nextToken() != null) {
                return null;
            }
            return new JsonBodies.Items<>(items, array);
        } catch (NotSure | IOException e) {
            return null;
        }
    }

    /** One object, the parser on its START_OBJECT; returns with the parser on its END_OBJECT. */
    private static ProgressUpdate item(JsonParser p) throws IOException, NotSure {
        Fields f = new Fields();
        int seen = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int field = f.read(name, p, p.nextToken());
            if ((seen & field) != 0) {
                throw NOT_SURE;
            }
            seen |= field;
        }
        if (t != JsonToken.END_OBJECT) {
            throw NOT_SURE;
        }
        return new ProgressUpdate(f.updateId, f.commitmentId, f.milestoneId, f.percent, f.level, f.source, f.reporter,
                f.reportedAt, f.evidenceUrl, f.note);
    }

    /** The fields of one update as they are read; each field answers its own bit, to catch repeats. */
    private static final class Fields {
        String updateId;
        String commitmentId;
        String milestoneId;
        Double percent;
        IrmLevel level;
        Source source;
        String reporter;
        Instant reportedAt;
        String evidenceUrl;
        String note;

        /** Reads one field's value; answers the field's own bit, so the caller can refuse a repeat. */
        int read(String name, JsonParser p, JsonToken value) throws IOException, NotSure {
            return switch (name) {
                case "updateId" -> {
                    updateId = text(p, value);
                    yield 1 << 0;
                }
                case "commitmentId" -> {
                    commitmentId = text(p, value);
                    yield 1 << 1;
                }
                case "milestoneId" -> {
                    milestoneId = text(p, value);
                    yield 1 << 2;
                }
                case "percent" -> {
                    percent = number(p, value);
                    yield 1 << 3;
                }
                case "level" -> {
                    level = named(LEVELS, text(p, value));
                    yield 1 << 4;
                }
                case "source" -> {
                    source = named(SOURCES, text(p, value));
                    yield 1 << 5;
                }
                case "reporter" -> {
                    reporter = text(p, value);
                    yield 1 << 6;
                }
                case "reportedAt" -> {
                    reportedAt = instant(text(p, value));
                    yield 1 << 7;
                }
                case "evidenceUrl" -> {
                    evidenceUrl = text(p, value);
                    yield 1 << 8;
                }
                case "note" -> {
                    note = text(p, value);
                    yield 1 << 9;
                }
                default -> throw NOT_SURE;
            };
        }
    }


    private static String text(JsonParser p, JsonToken value) throws IOException, NotSure {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw NOT_SURE;
    }

    private static Double number(JsonParser p, JsonToken value) throws IOException, NotSure {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw NOT_SURE;
    }

    private static <E extends Enum<E>> E named(E[] constants, String name) throws NotSure {
        if (name == null) {
            return null;
        }
        for (E c : constants) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw NOT_SURE;
    }

    private static Instant instant(String text) throws NotSure {
        if (text == null) {
            return null;
        }
        Instant instant = Json.instant(text);
        if (instant == null) {
            throw NOT_SURE;
        }
        return instant;
    }
}
