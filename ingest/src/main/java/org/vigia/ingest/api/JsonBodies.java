package org.vigia.ingest.api;

import com.fasterxml.jackson.databind.JavaType;
import java.util.ArrayList;
import java.util.List;
import org.vigia.events.Json;
import org.vigia.events.ValidationException;

/**
 * Reads a body that holds one JSON object or an array of them, with the strict reader
 * (unknown fields are errors). Returns the items unvalidated: the caller adds what comes
 * from the token before validating.
 */
final class JsonBodies {
    private JsonBodies() {
    }

    record Items<T>(List<T> items, boolean array) {
        /** The field path of item {@code i}: {@code [i].} in a batch, nothing for a single object. */
        String prefix(int i) {
            return array ? "[" + i + "]." : "";
        }
    }

    static <T> Items<T> read(byte[] body, Class<T> type) {
        if (isArray(body)) {
            JavaType listType = Json.strict().getTypeFactory().constructCollectionType(List.class, type);
            List<T> items = Json.parse(Json.strict(), body, listType);
            if (items == null || items.isEmpty()) {
                throw new ValidationException("(body)", "must not be an empty array");
            }
            return new Items<>(new ArrayList<>(items), true);
        }
        T item = Json.parse(Json.strict(), body, Json.strict().constructType(type));
        if (item == null) {
            throw new ValidationException("(body)", "must be a JSON object or an array of them, not null");
        }
        return new Items<>(List.of(item), false);
    }

    /** Whether the body is read as an array: its first character other than white space is {@code [}. */
    static boolean isArray(byte[] body) {
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && body[i] == '[';
    }
}
