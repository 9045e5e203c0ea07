package org.vigia.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The follows headers: a decimal offset, read back exactly; anything else refused naming the header and the rule. */
class FollowsTest {
    @Test
    void anOffsetIsWrittenInDecimalAndReadBack() {
        for (long offset : new long[] {0, 7, 1234567890123L, Long.MAX_VALUE}) {
            Headers h = new RecordHeaders().add(Follows.AFTER_COMMITMENTS, Follows.value(offset));
            assertThat(new String(h.lastHeader(Follows.AFTER_COMMITMENTS).value(), StandardCharsets.US_ASCII))
                    .isEqualTo(Long.toString(offset));
            assertThat(Follows.read(h, Follows.AFTER_COMMITMENTS)).isEqualTo(offset);
        }
    }

    @Test
    void noHeaderNamesNothing() {
        assertThat(Follows.read(new RecordHeaders(), Follows.AFTER_PROGRESS)).isNull();
        assertThat(Follows.read(null, Follows.AFTER_PROGRESS)).isNull();
        Headers other = new RecordHeaders().add(Follows.AFTER_COMMITMENTS, Follows.value(3));
        assertThat(Follows.read(other, Follows.AFTER_PROGRESS)).isNull();
    }

    @Test
    void theLastHeaderOfTheNameCounts() {
        Headers h = new RecordHeaders().add(Follows.AFTER_PROGRESS, Follows.value(3))
                .add(Follows.AFTER_PROGRESS, Follows.value(9));
        assertThat(Follows.read(h, Follows.AFTER_PROGRESS)).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", "1.0", " 1", "0x10", "abc", "9223372036854775808", "99999999999999999999"})
    void aValueThatIsNotANonNegativeDecimalOffsetIsRefused(String value) {
        Headers h = new RecordHeaders().add(Follows.AFTER_PROGRESS, value.getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Follows.read(h, Follows.AFTER_PROGRESS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header vigia.after-progress must be a non-negative decimal offset, was '" + value + "'");
    }

    @Test
    void aNullValueIsRefused() {
        Headers h = new RecordHeaders().add(Follows.AFTER_PROGRESS, null);
        assertThatThrownBy(() -> Follows.read(h, Follows.AFTER_PROGRESS))
                .hasMessage("header vigia.after-progress must be a non-negative decimal offset, was null");
    }

    @Test
    void aNegativeOffsetCannotBeWritten() {
        assertThatThrownBy(() -> Follows.value(-1)).hasMessageContaining("must not be negative");
    }
}
