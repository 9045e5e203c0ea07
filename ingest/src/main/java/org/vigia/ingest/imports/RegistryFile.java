package org.vigia.ingest.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * contract's field names or the names of OGP's public commitments sheets (case, accents,
 * spaces and punctuation ignored):
 * <table>
 *   <caption>CSV columns</caption>
 *   <tr><th>field</th><th>accepted column names</th></tr>
 *   <tr><td>id</td><td>id, Commitment Unique Identifier, Unique Identifier, Commitment ID, CaseNo</td></tr>
 *   <tr><td>planId</td><td>planId, Action Plan Number, Action Plan, Action Plan ID; with Year Of Submission and a
 *       numeric Action Plan Number: {@code <country>-<year>-<number>} (MX-2013-2)</td></tr>
 *   <tr><td>country</td><td>country, Country, Country/Locality (ISO code, or an English/Spanish country name)</td></tr>
 *   <tr><td>title</td><td>title, Commitment Title</td></tr>
 *   <tr><td>agency</td><td>agency, Lead Institution, Responsible Institution, Lead Agency: a code, a name ending in
 *       the code in parentheses ("Procuraduría General de la República (PGR)"), or a name of the agency table</td></tr>
 *   <tr><td>sector</td><td>sector, Sector, Policy Area, Theme (slugified: "Justicia y Seguridad" → justicia-y-seguridad)</td></tr>
 *   <tr><td>leadCso</td><td>leadCso, Lead CSO, Lead Civil Society Organization; else the first name of
 *       Supporting Institution(s)</td></tr>
 *   <tr><td>origin</td><td>origin (default CO_CREATED: OGP commitments are co-created)</td></tr>
 *   <tr><td>startDate</td><td>startDate, Start Date, Commitment Start Date (YYYY-MM-DD, or YYYY-MM = the 1st);
 *       else the plan's start</td></tr>
 *   <tr><td>dueDate</td><td>dueDate, End Date, Commitment End Date, Due Date (YYYY-MM-DD, or YYYY-MM = the last day);
 *       else the plan's end</td></tr>
 *   <tr><td>stallAfterDays, milestones, riskFactors</td><td>the same names; milestones and riskFactors as JSON</td></tr>
 * </table>
 * Every problem is reported as {@code file:line: field: rule}; {@link #read} returns only a
 * registry in which every row is valid.
 */
public final class RegistryFile {
    private static final Pattern CODE_IN_PARENS = Pattern.compile(".*\\(\\s*([A-Z0-9_-]{1,32})\\s*\\)\\s*$");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,32}");
    private static final String YEAR = "_yearOfSubmission";
    private static final String SUPPORTING = "_supportingInstitutions";
    static final String PERIOD_HINT = "the sheet gives no date for this commitment: give the plan's period with "
            + "--plan-start YYYY-MM-DD --plan-end YYYY-MM-DD";

    private RegistryFile() {
    }

    private static Map<String, CsvRows.Column> aliases(AgencyTable agencies) {
        Map<String, CsvRows.Column> aliases = new HashMap<>();
        alias(aliases, "id", TextNode::valueOf, "id", "Commitment Unique Identifier", "Unique Identifier", "Commitment ID", "CaseNo");
        alias(aliases, "planId", t -> TextNode.valueOf(t.replaceAll("\\s+", "-")), "planId", "Action Plan Number", "Action Plan",
                "Action Plan ID");
        alias(aliases, YEAR, TextNode::valueOf, "Year Of Submission");
        alias(aliases, "country", RegistryFile::country, "country", "Country/Locality");
        alias(aliases, "title", TextNode::valueOf, "title", "Commitment Title");
        alias(aliases, "agency", t -> agency(t, agencies), "agency", "Lead Institution", "Responsible Institution", "Lead Agency");
        alias(aliases, "sector", RegistryFile::slug, "sector", "Policy Area", "Theme");
        alias(aliases, "leadCso", TextNode::valueOf, "leadCso", "Lead CSO", "Lead Civil Society Organization");
        alias(aliases, SUPPORTING, TextNode::valueOf, "Supporting Institution(s)", "Supporting Institutions");
        alias(aliases, "origin", t -> TextNode.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')), "origin");
        alias(aliases, "startDate", t -> date(t, false), "startDate", "Start Date", "Commitment Start Date");
        alias(aliases, "dueDate", t -> date(t, true), "dueDate", "End Date", "Commitment End Date", "Due Date");
        alias(aliases, "stallAfterDays", RegistryFile::number, "stallAfterDays");
        alias(aliases, "milestones", RegistryFile::json, "milestones");
        alias(aliases, "riskFactors", RegistryFile::json, "riskFactors");
        return aliases;
    }

    private static void alias(Map<String, CsvRows.Column> aliases, String field, CsvRows.Cell cell, String... names) {
        for (String n : names) {
            aliases.put(CsvRows.normalise(n), new CsvRows.Column(field, cell));
        }
    }

    public static List<Commitment> read(Path file, List<String> warnings) {
        return read(file, RegistryImport.plain(), warnings);
    }

    /** The commitments of a {@code .json} or {@code .csv} file; throws naming every bad row. */
    public static List<Commitment> read(Path file, RegistryImport options, List<String> warnings) {
        List<String> problems = new ArrayList<>();
        List<Commitment> commitments;
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            commitments = new DatasetReader(problems).jsonArray(file, Commitment.class).stream()
                    .map(DatasetReader.Line::value).toList();
        } else if (name.endsWith(".csv")) {
            commitments = CsvRows.read(file, Commitment.class, aliases(options.agencies()),
                    node -> node.put("origin", "CO_CREATED"), node -> finish(node, options), problems, warnings);
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
            throw new DatasetException(problems.stream().map(p -> p.endsWith("Date: is required") ? p + " (" + PERIOD_HINT + ")" : p)
                    .toList());
        }
        return commitments;
    }

    /** What a row gets from the whole sheet: the plan id from year and number, the plan's period, a supporting CSO. */
    private static void finish(ObjectNode row, RegistryImport options) {
        String number = row.path("planId").asText(null);
        String year = row.path(YEAR).asText(null);
        String country = row.path("country").asText(null);
        if (number != null && year != null && number.matches("\\d+") && year.matches("\\d{4}")) {
            row.put("planId", (country == null ? "" : country + "-") + year + "-" + number);
        }
        if (!row.has("startDate")) {
            options.planStart().ifPresent(d -> row.put("startDate", d.toString()));
        }
        if (!row.has("dueDate")) {
            options.planEnd().ifPresent(d -> row.put("dueDate", d.toString()));
        }
        String supporting = row.path(SUPPORTING).asText(null);
        if (!row.has("leadCso") && supporting != null) {
            String first = supporting.split("[;\\n]|,(?=\\s*\\p{Lu})")[0].strip();
            if (!first.isEmpty()) {
                row.put("leadCso", first.length() > 200 ? first.substring(0, 200) : first);
            }
        }
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

    static JsonNode agency(String text, AgencyTable agencies) {
        Matcher m = CODE_IN_PARENS.matcher(text);
        if (m.matches()) {
            return TextNode.valueOf(m.group(1));
        }
        if (CODE.matcher(text).matches()) {
            return TextNode.valueOf(text);
        }
        return TextNode.valueOf(agencies.codeOf(text).orElseThrow(() -> new ValidationException("agency",
                "'" + text + "' is neither an agency code nor a name of the agency table"
                        + (agencies.isEmpty() ? " (give one with --agencies FILE)" : ""))));
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
