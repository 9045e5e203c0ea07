package org.vigia.ingest.imports;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigia.events.Json;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ValidationException;
import org.vigia.ingest.replay.DatasetException;
import org.vigia.ingest.replay.DatasetReader;

/**
 * A progress history: JSON lines ({@code .jsonl}, one ProgressUpdate a line) or a CSV with
 * the wire contract's field names as columns ({@code updateId, commitmentId, milestoneId, percent,
 * level, source, reporter, reportedAt, evidenceUrl, note}). Source and reporter are part of
 * every row: an import speaks for whoever produced the history.
 */
public final class ProgressHistoryFile {
    private static final Map<String, CsvRows.Column> COLUMNS = new HashMap<>();

    static {
        for (String f : List.of("updateId", "commitmentId", "milestoneId", "reporter", "reportedAt", "evidenceUrl", "note")) {
            COLUMNS.put(CsvRows.normalise(f), new CsvRows.Column(f, TextNode::valueOf));
        }
        COLUMNS.put("percent", new CsvRows.Column("percent", ProgressHistoryFile::percent));
        COLUMNS.put("level", new CsvRows.Column("level", t -> TextNode.valueOf(t.toUpperCase(Locale.ROOT).replace(' ', '_'))));
        COLUMNS.put("source", new CsvRows.Column("source", t -> TextNode.valueOf(t.toUpperCase(Locale.ROOT))));
    }

    private ProgressHistoryFile() {
    }

    public static List<ProgressUpdate> read(Path file, List<String> warnings) {
        List<String> problems = new ArrayList<>();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<ProgressUpdate> updates;
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            updates = new DatasetReader(problems).jsonLines(file, ProgressUpdate.class).stream()
                    .map(DatasetReader.Line::value).toList();
        } else if (name.endsWith(".csv")) {
            updates = CsvRows.read(file, ProgressUpdate.class, COLUMNS, node -> { }, problems, warnings);
        } else {
            throw new DatasetException(List.of(file.getFileName() + ": must end in .jsonl or .csv"));
        }
        if (problems.isEmpty() && updates.isEmpty()) {
            problems.add(file.getFileName() + ": holds no progress updates");
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        return updates;
    }

    private static com.fasterxml.jackson.databind.JsonNode percent(String text) {
        try {
            return Json.strict().getNodeFactory().numberNode(Double.parseDouble(text.replace("%", "").strip()));
        } catch (NumberFormatException e) {
            throw new ValidationException("percent", "must be a number (was \"" + text + "\")");
        }
    }
}
