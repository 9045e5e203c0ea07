package org.vigia.processor.query;

import java.util.List;
import java.util.function.Function;

/**
 * RFC 4180 CSV for the list endpoints, because CSOs work in spreadsheets. Cells that a
 * spreadsheet would run as a formula ({@code = + @}) are prefixed with an apostrophe.
 */
public final class Csv {
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
        if (!s.isEmpty() && "=+@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
