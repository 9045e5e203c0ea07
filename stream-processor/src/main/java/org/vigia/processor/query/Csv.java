package org.vigia.processor.query;

import java.util.List;
import java.util.function.Function;

/**
 * RFC 4180 CSV for the list endpoints, because CSOs work in spreadsheets. Text cells that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return)
 * are prefixed with an apostrophe; numbers are left as they are.
 */
public final class Csv {
    /** Characters with which a spreadsheet starts a formula (OWASP's list for CSV injection). */
    static final String FORMULA_LEADS = "=+-@\t\r";

    private Csv() {
    }

    public static <T> String write(List<String> header, List<T> rows, Function<T, List<Object>> cells) {
        StringBuilder out = new StringBuilder();
        line(out, List.copyOf(header));
        for (T row : rows) {
            line(out, cells.apply(row));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!(value instanceof Number) && !s.isEmpty() && FORMULA_LEADS.indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
