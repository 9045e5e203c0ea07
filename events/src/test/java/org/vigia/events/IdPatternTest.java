package org.vigia.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written id checks say exactly what their regular expressions say, and the messages quote the regex. */
class IdPatternTest {
    static final List<IdPattern> RULES = List.of(Rules.ID, Rules.UPDATE_ID, Rules.AGENCY);

    @Test
    void everySingleCharacterIsAllowedOrRefusedAsTheRegexDecides() {
        for (IdPattern rule : RULES) {
            Pattern regex = rule.asRegex();
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                String s = String.valueOf((char) c);
                assertThat(rule.matches(s)).as("%s on U+%04X", rule, c).isEqualTo(regex.matcher(s).matches());
            }
        }
    }

    @Test
    void lengthsAroundTheLimitsAndMixedStringsAgreeWithTheRegex() {
        Random random = new Random(42);
        String alphabet = "aZ09._:-_ /é\u0000\u00ff\u0100\ud83d\ude00Ç";
        for (IdPattern rule : RULES) {
            Pattern regex = rule.asRegex();
            List<String> samples = new ArrayList<>(List.of("", "a", "A", "C-1", "u-1:x", "MX-PA15-04", "PGR", "pgr"));
            for (int n : new int[] {1, 31, 32, 33, 63, 64, 65, 127, 128, 129, 500}) {
                samples.add("A".repeat(n));
                samples.add("a".repeat(n));
                samples.add("A".repeat(n - 1) + " ");
            }
            for (int i = 0; i < 20_000; i++) {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(12);
                for (int j = 0; j < n; j++) {
                    sb.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                            : (char) ('A' + random.nextInt(58)));
                }
                samples.add(sb.toString());
            }
            for (String s : samples) {
                assertThat(rule.matches(s)).as("%s on \"%s\"", rule, s).isEqualTo(regex.matcher(s).matches());
            }
        }
    }

    @Test
    void aBrokenIdRuleIsReportedWithItsRegex() {
        ProgressUpdate u = ProgressUpdates.irm().id("has space").commitment("C 1").milestone("m/1").percent(10.0)
                .at(java.time.Instant.parse("2014-01-10T12:00:00Z")).build();
        assertThat(u.violations()).containsExactly(
                new Violation("updateId", "must match [A-Za-z0-9._:-]{1,128}"),
                new Violation("commitmentId", "must match [A-Za-z0-9._-]{1,64}"),
                new Violation("milestoneId", "must match [A-Za-z0-9._-]{1,64}"));
    }
}
