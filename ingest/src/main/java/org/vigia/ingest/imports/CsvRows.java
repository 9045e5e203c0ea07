package org.vigia.ingest.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.vigia.events.Json;
import org.vigia.events.Validated;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;

/**
 * Reads a CSV file (header row, RFC 4180 quoting, UTF-8 with or without BOM) into wire
 * records, one per row. Each header is looked up, case, accents, spaces and punctuation
 * ignored, in a table of aliases to a wire field; a {@link Cell} converter may reshape the
 * value (a JSON column, a date, a slug). Problems are reported as {@code file:line: field: rule},
 * where the line is the physical line the row starts on.
 */
final class CsvRows {
    /** Turns one cell's text into the JSON value of its field, or reports why it cannot. */
    interface Cell {
        JsonNode convert(String text);
    }

    record Column(String field, Cell cell) {
    }

    private CsvRows() {
    }

    static String normalise(String header) {
        String folded = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static <T extends Validated> List<T> read(Path file, Class<T> type, Map<String, Column> aliases,
                                              Consumer<ObjectNode> defaults, List<String> problems, List<String> warnings) {
        return read(file, type, aliases, defaults, node -> { }, problems, warnings);
    }

    /**
     * As above; {@code finish} may combine or complete fields once all of a row's cells are in
     * (fields whose name starts with {@code _} are helpers, removed after it).
     */
    static <T extends Validated> List<T> read(Path file, Class<T> type, Map<String, Column> aliases,
                                              Consumer<ObjectNode> defaults, Consumer<ObjectNode> finish,
                                              List<String> problems, List<String> warnings) {
        List<T> out = new ArrayList<>();
        String name = file.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            Map<Integer, Column> columns = new LinkedHashMap<>();
            List<String> headers = parser.getHeaderNames();
            for (int i = 0; i < headers.size(); i++) {
                String h = headers.get(i).replace("\uFEFF", "");
                Column c = aliases.get(normalise(h));
                if (c == null) {
                    warnings.add(name + ":1: column '" + h + "' is not used");
                } else {
                    columns.put(i, c);
                }
            }
            Iterator<CSVRecord> rows = parser.iterator();
            long lineBefore = parser.getCurrentLineNumber();
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                T value = convert(row, columns, type, defaults, finish,
                        (field, rule) -> problems.add(name + ":" + line + ": " + field + ": " + rule));
                if (value != null) {
                    out.add(value);
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            problems.add(name + ": is not a readable CSV file: " + e.getMessage());
        }
        return out;
    }

    interface Report {
        void problem(String field, String rule);
    }

    private static <T extends Validated> T convert(CSVRecord row, Map<Integer, Column> columns, Class<T> type,
                                                   Consumer<ObjectNode> defaults, Consumer<ObjectNode> finish, Report report) {
        ObjectNode node = Json.strict().createObjectNode();
        defaults.accept(node);
        boolean ok = true;
        for (var e : columns.entrySet()) {
            if (e.getKey() >= row.size()) {
                continue;
            }
            String text = row.get(e.getKey());
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                node.set(e.getValue().field(), e.getValue().cell().convert(text.strip()));
            } catch (ValidationException ve) {
                ve.violations().forEach(v -> report.problem(e.getValue().field(), v.rule()));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        try {
            finish.accept(node);
        } catch (ValidationException ve) {
            ve.violations().forEach(v -> report.problem(v.field(), v.rule()));
            return null;
        }
        List<String> helpers = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (f.startsWith("_")) {
                helpers.add(f);
            }
        });
        node.remove(helpers);
        try {
            T value = Json.parse(Json.strict(), Json.write(node), Json.strict().constructType(type));
            List<Violation> violations = value.violations();
            violations.forEach(v -> report.problem(v.field(), v.rule()));
            return violations.isEmpty() ? value : null;
        } catch (ValidationException ve) {
            ve.violations().forEach(v -> report.problem(v.field(), v.rule()));
            return null;
        }
    }
}
