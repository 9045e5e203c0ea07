package org.vigia.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a Jackson parse error into a {@link ValidationException} in the client's words: the
 * field's path ({@code items[2].percent}), the type it must have and what was given
 * ({@code percent: must be a number, not a string ("50")}).
 */
final class JsonErrors {
    private JsonErrors() {
    }

    /** The violation for {@code e}; {@code parser}, when given, still points at the offending token. */
    static ValidationException translate(JsonProcessingException e, JsonParser parser) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new ValidationException(path(u), "is not a known field");
        }
        if (e instanceof InvalidFormatException f) {
            if (f.getValue() instanceof String s && !s.isEmpty() && String.class != f.getTargetType()) {
                return new ValidationException(path(f), expectation(f.getTargetType()) + " (was " + quote(s) + ")");
            }
            return new ValidationException(path(f), expectation(f.getTargetType()) + ", not " + given(f.getValue()));
        }
        if (e instanceof ValueInstantiationException v) {
            return new ValidationException(path(v), "is not valid: " + rootMessage(v));
        }
        if (e instanceof MismatchedInputException m) {
            String given = given(parser);
            return new ValidationException(path(m), expectation(m.getTargetType()) + (given == null ? "" : ", not " + given));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new ValidationException(path(m), "is not valid: " + rootMessage(m));
        }
        return new ValidationException("(body)", "is not valid JSON: " + e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(body)" : sb.toString();
    }

    private static String expectation(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants())
                    .map(c -> enumName((Enum<?>) c)).collect(Collectors.joining(", "));
        }
        if (target == Instant.class) {
            return StrictTime.INSTANT_RULE;
        }
        if (target == LocalDate.class) {
            return StrictTime.DATE_RULE;
        }
        if (target == Integer.class || target == Long.class || target == int.class || target == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "must be a JSON array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be a JSON object";
        }
        return "has the wrong type";
    }

    private static String enumName(Enum<?> constant) {
        try {
            var annotation = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(JsonProperty.class);
            return annotation != null ? annotation.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    /** What the client sent, in JSON's words: {@code a string ("50")}, {@code a number (2)}, {@code true}. */
    private static String given(Object value) {
        if (value instanceof String s) {
            return s.isEmpty() ? "an empty string" : "a string (" + quote(s) + ")";
        }
        if (value instanceof Number n) {
            return (n instanceof Double || n instanceof Float || n instanceof BigDecimal
                    ? "a fraction (" : "a number (") + n + ")";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        return String.valueOf(value);
    }

    /** The offending token of a failed read, when the parser still points at it. */
    private static String given(JsonParser p) {
        if (p == null || p.currentToken() == null) {
            return null;
        }
        try {
            JsonToken t = p.currentToken();
            return switch (t) {
                case VALUE_STRING -> given(p.getText());
                case VALUE_NUMBER_INT -> "a number (" + p.getText() + ")";
                case VALUE_NUMBER_FLOAT -> "a fraction (" + p.getText() + ")";
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "null";
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                default -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
    }
}
