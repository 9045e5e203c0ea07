package org.vigia.processor.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesCommasQuotesAndNewlinesAndDefusesFormulas() {
        String csv = Csv.write(List.of("a", "b", "c", "d"), List.of("x"),
                row -> Arrays.asList("Obras, SCT", "say \"hi\"", "=HYPERLINK(\"x\")", null));
        assertThat(csv).isEqualTo("a,b,c,d\r\n\"Obras, SCT\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\r\n");
    }
}
