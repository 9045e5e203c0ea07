package org.vigia.ingest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigia.events.Commitment;
import org.vigia.events.Json;
import org.vigia.events.ValidationException;
import org.vigia.ingest.replay.DatasetException;
import org.vigia.ingest.replay.DatasetReader;

/**
 * A registry file: a JSON array of Commitment, or a CSV whose columns are either the
 * DESIGN field names or the names of OGP's public commitments sheets:
 * <table>
 *   <caption>CSV columns</caption>
 *   <tr><th>field</th><th>accepted column names</th></tr>
 *   <tr><td>id</td><td>id, Commitment Unique Identifier, Unique Identifier, Commitment ID, CaseNo</td></tr>
 *   <tr><td>planId</td><td>planId, Action Plan Number, Action Plan, Action Plan ID</td></tr>
 *   <tr><td>country</td><td>country, Country (ISO code, or an English/Spanish country name)</td></tr>
 *   <tr><td>title</td><td>title, Commitment Title</td></tr>
 *   <tr><td>agency</td><td>agency, Lead Institution, Responsible Institution, Lead Agency (a code, or a name
 *       ending in the code in parentheses: "Procuraduría General de la República (PGR)")</td></tr>
 *   <tr><td>sector</td><td>sector, Sector, Policy Area (slugified: "Justicia y Seguridad" → justicia-y-seguridad)</td></tr>
 *   <tr><td>leadCso</td><td>leadCso, Lead CSO, Lead Civil Society Organization</td></tr>
 *   <tr><td>origin</td><td>origin (default CO_CREATED: OGP commitments are co-created)</td></tr>
 *   <tr><td>startDate</td><td>startDate, Start Date, Commitment Start Date (YYYY-MM-DD, or YYYY-MM = the 1st)</td></tr>
 *   <tr><td>dueDate</td><td>dueDate, End Date, Commitment End Date, Due Date (YYYY-MM-DD, or YYYY-MM = the last day)</td></tr>
 *   <tr><td>stallAfterDays, milestones, riskFactors</td><td>the same names; milestones and riskFactors as JSON</td></tr>
 * </table>
 * Every problem is reported as {@code file:line: field: rule}; {@link #read} returns only a
 * registry in which every row is valid.
 */
public final class RegistryFile {
    private static final Pattern CODE_IN_PARENS = Pattern.compile(".*\\(\\s*([A-Z0-9_-]{1,32})\\s*\\)\\s*$");
    private static final Map<String, CsvRows.Column> ALIASES = new HashMap<>();

    static {
        alias("id", TextNode::valueOf, "id", "Commitment Unique Identifier", "Unique Identifier", "Commitment ID", "CaseNo");
        alias("planId", t -> TextNode.valueOf(t.replaceAll("\\s+", "-")), "planId", "Action Plan Number", "Action Plan", "Action Plan ID");
        alias("country", RegistryFile::country, "country");
        alias("title", TextNode::valueOf, "title", "Commitment Title");
        alias("agency", RegistryFile::agency, "agency", "Lead Institution", "Responsible Institution", "Lead Agency");
        alias("sector", RegistryFile::slug, "sector", "Policy Area");
        alias("leadCso", TextNode::valueOf, "leadCso", "Lead CSO", "Lead Civil Society Organization");
        alias("origin", t -> TextNode.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')), "origin");
        alias("startDate", t -> date(t, false), "startDate", "Start Date", "Commitment Start Date");
        alias("dueDate", t -> date(t, true), "dueDate", "End Date", "Commitment End Date", "Due Date");
        alias("stallAfterDays", RegistryFile::number, "stallAfterDays");
        alias("milestones", RegistryFile::json, "milestones");
        alias("riskFactors", RegistryFile::json, "riskFactors");
    }

    private RegistryFile() {
    }

    private static void alias(String field, CsvRows.Cell cell, String... names) {
        for (String n : names) {
            ALIASES.put(CsvRows.normalise(n), new CsvRows.Column(field, cell));
        }
    }

    /** The commitments of a {@code .json} or {@code .csv} file; throws naming every bad row. */
    public static List<Commitment> read(Path file, List<String> warnings) {
        List<String> problems = new ArrayList<>();
        List<Commitment> commitments;
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            commitments = new DatasetReader(problems).jsonArray(file, Commitment.class).stream()
                    .map(DatasetReader.Line::value).toList();
        } else if (name.endsWith(".csv")) {
            commitments = CsvRows.read(file, Commitment.class, ALIASES,
                    node -> node.put("origin", "CO_CREATED"), problems, warnings);
        } else {
            throw new DatasetException(List.of(file.getFileName() + ": must end in .json or .csv"));
        }
        Set<String> ids = new HashSet<>();
        for (Commitment c : commitments) {
            if (!ids.add(c.id())) {
                problems.add(file.getFileName() + ": id: must be unique in the file (" + c.id() + " repeats)");
            }
        }
        if (problems.isEmpty() && commitments.isEmpty()) {
            problems.add(file.getFileName() + ": holds no commitments");
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        return commitments;
    }

    static JsonNode country(String text) {
        if (text.length() == 2) {
            return TextNode.valueOf(text.toUpperCase(Locale.ROOT));
        }
        String wanted = CsvRows.normalise(text);
        for (String code : Locale.getISOCountries()) {
            Locale l = new Locale("", code);
            if (CsvRows.normalise(l.getDisplayCountry(Locale.ENGLISH)).equals(wanted)
                    || CsvRows.normalise(l.getDisplayCountry(new Locale("es"))).equals(wanted)) {
                return TextNode.valueOf(code);
            }
        }
        throw new ValidationException("country", "must be an ISO 3166-1 alpha-2 code or a country name (was \"" + text + "\")");
    }

    static JsonNode agency(String text) {
        Matcher m = CODE_IN_PARENS.matcher(text);
        return TextNode.valueOf(m.matches() ? m.group(1) : text);
    }

    static JsonNode slug(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return TextNode.valueOf(folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", ""));
    }

    static JsonNode date(String text, boolean endOfMonth) {
        try {
            if (text.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(text);
                return TextNode.valueOf((endOfMonth ? ym.atEndOfMonth() : ym.atDay(1)).toString());
            }
            return TextNode.valueOf(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toString());
        } catch (DateTimeParseException e) {
            throw new ValidationException("date", "must be a date YYYY-MM-DD or a month YYYY-MM (was \"" + text + "\")");
        }
    }

    static JsonNode number(String text) {
        try {
            return Json.strict().getNodeFactory().numberNode(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new ValidationException("number", "must be a whole number (was \"" + text + "\")");
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.strict().readTree(text);
        } catch (IOException e) {
            throw new ValidationException("json", "must be JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
