package org.vigia.ingest.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigia.events.Json;
import org.vigia.events.Validated;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;

/**
 * Reads JSON arrays and JSON-lines files of wire records with the strict reader, keeping
 * the line of every record so a problem can be reported as {@code file:line: field: rule}.
 * Problems are collected, never thrown one at a time: the caller sees them all.
 */
public final class DatasetReader {
    /** A record and the line it starts on. */
    public record Line<T>(int line, T value) {
    }

    /** Streams an array element by element, so it must not insist that one element is the whole input. */
    private static final ObjectMapper STREAMING = Json.strict().copy()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final List<String> problems;

    public DatasetReader(List<String> problems) {
        this.problems = problems;
    }

    public void problem(Path file, int line, String message) {
        problems.add(file.getFileName() + ":" + line + ": " + message);
    }

    /** One record per non-blank line. */
    public <T extends Validated> List<Line<T>> jsonLines(Path file, Class<T> type) {
        List<Line<T>> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(file.getFileName() + ": cannot be read: " + e.getMessage());
            return out;
        }
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            T value = parse(file, i + 1, text.getBytes(StandardCharsets.UTF_8), type);
            if (value != null) {
                out.add(new Line<>(i + 1, value));
            }
        }
        return out;
    }

    /** A JSON array of records; each record's line is where its object starts. */
    public <T extends Validated> List<Line<T>> jsonArray(Path file, Class<T> type) {
        List<Line<T>> out = new ArrayList<>();
        try (JsonParser p = STREAMING.createParser(Files.readAllBytes(file))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                problem(file, p.currentLocation().getLineNr(), "(file): must be a JSON array");
                return out;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == null) {
                    problem(file, p.currentLocation().getLineNr(), "(file): the array is not closed");
                    break;
                }
                int line = p.currentTokenLocation().getLineNr();
                JsonNode node = p.readValueAsTree();
                T value = parse(file, line, Json.strict().writeValueAsBytes(node), type);
                if (value != null) {
                    out.add(new Line<>(line, value));
                }
            }
        } catch (IOException e) {
            problems.add(file.getFileName() + ": is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return out;
    }

    private <T extends Validated> T parse(Path file, int line, byte[] json, Class<T> type) {
        try {
            T value = Json.parse(Json.strict(), json, Json.strict().constructType(type));
            if (value == null) {
                problem(file, line, "(line): must be a JSON object, not null");
                return null;
            }
            List<Violation> violations = value.violations();
            violations.forEach(v -> problem(file, line, v.toString()));
            return violations.isEmpty() ? value : null;
        } catch (ValidationException e) {
            e.violations().forEach(v -> problem(file, line, v.toString()));
            return null;
        }
    }
}
