package org.vigia.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * JSON for the wire contract: camelCase, ISO-8601 instants in UTC, dates as YYYY-MM-DD.
 *
 * <p>Two readers. {@link #wire()} ignores unknown fields, so a consumer keeps working
 * when a newer producer adds one (forward compatibility on the topics). {@link #strict()}
 * is the reader of the edge (the HTTP APIs, import files, replay datasets):
 * <ul>
 *   <li>an unknown field is an error ({@code "percnt": is not a known field}): a misspelt
 *       field would otherwise vanish silently; so is a field given twice;</li>
 *   <li>no scalar is coerced into another type: a number given as a string ({@code "50"}), an
 *       enum given as a number (its ordinal), a boolean given as a number or a string, a
 *       fraction where a whole number belongs ({@code 60.5} or {@code 60.0}), an instant or a
 *       date given as a number or an array, a string given as a number or a boolean, an empty
 *       string for a value. Each is refused naming the field, the type it must have and what
 *       was given ({@code percent: must be a number, not a string ("50")}).</li>
 * </ul>
 *
 * <p>{@link #read} parses and validates in one step: what it returns is valid, and what
 * it rejects raises {@link ValidationException} naming the field and the rule.
 */
public final class Json {
    private static final ObjectMapper WIRE = base()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(WireTime.readerModule());
    private static final ObjectMapper STRICT = strictMapper();

    private Json() {
    }

    private static ObjectMapper base() {
        return configure(new ObjectMapper());
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.registerModule(new JavaTimeModule())
                .registerModule(WireTime.writerModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper m = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        configure(m);
        m.registerModule(StrictTime.module());
        m.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return m;
    }

    /** The tolerant reader used on Kafka topics. */
    public static ObjectMapper wire() {
        return WIRE;
    }

    /** The strict reader used at the HTTP edge. */
    public static ObjectMapper strict() {
        return STRICT;
    }

    public static byte[] write(Object value) {
        try {
            return WIRE.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static String writeString(Object value) {
        try {
            return WIRE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * The instant in the text of a JSON string, read exactly as the strict reader reads an
     * {@code Instant} field; null when the text holds none (the strict reader then refuses it
     * with {@code must be an ISO-8601 instant in UTC such as 2014-01-10T00:00:00Z}). For
     * readers that stream a record token by token, such as ingest's progress reader.
     */
    public static Instant instant(String text) {
        return StrictTime.parseInstant(text);
    }

    /** Parses one record with the wire reader and validates it. */
    public static <T extends Validated> T read(byte[] json, Class<T> type) {
        return read(WIRE, json, WIRE.constructType(type));
    }

    public static <T extends Validated> T read(String json, Class<T> type) {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }

    /** Parses one record with the strict reader and validates it. */
    public static <T extends Validated> T readStrict(byte[] json, Class<T> type) {
        return read(STRICT, json, STRICT.constructType(type));
    }

    /** Parses a JSON array with the strict reader; violations are prefixed by the item index. */
    public static <T extends Validated> List<T> readStrictList(byte[] json, Class<T> type) {
        List<T> items = parse(STRICT, json, STRICT.getTypeFactory().constructCollectionType(List.class, type));
        if (items == null) {
            throw new ValidationException("(body)", "must be a JSON array");
        }
        List<Violation> all = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                all.add(new Violation("[" + i + "]", "must not be null"));
                continue;
            }
            for (Violation v : item.violations()) {
                all.add(new Violation("[" + i + "]." + v.field(), v.rule()));
            }
        }
        if (!all.isEmpty()) {
            throw new ValidationException(all);
        }
        return items;
    }

    private static <T extends Validated> T read(ObjectMapper mapper, byte[] json, JavaType type) {
        T value = parse(mapper, json, type);
        if (value == null) {
            throw new ValidationException("(body)", "must be a JSON object, not null");
        }
        return value.validated();
    }

    /** Parses without validating; Jackson's errors become violations naming the field. */
    public static <T> T parse(ObjectMapper mapper, byte[] json, JavaType type) {
        if (json == null || json.length == 0) {
            throw new ValidationException("(body)", "is empty");
        }
        // The parser stays open until the error is translated: it still points at the offending token.
        JsonParser parser = null;
        try {
            parser = mapper.createParser(json);
            return mapper.readValue(parser, type);
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(parser);
        }
    }

    public static <T> T parse(byte[] json, TypeReference<T> type) {
        return parse(WIRE, json, WIRE.getTypeFactory().constructType(type));
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // nothing was written; nothing to release beyond the buffers
            }
        }
    }
}
