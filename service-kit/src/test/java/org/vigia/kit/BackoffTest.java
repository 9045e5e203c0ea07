package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromTheBaseUpToTheMaximumAndNeverOverflows() {
        Duration max = Duration.ofHours(1);
        assertThat(Backoff.exponential(Duration.ofMinutes(15), 0, max)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Backoff.exponential(Duration.ofMinutes(15), 1, max)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Backoff.exponential(Duration.ofMinutes(15), 2, max)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.exponential(Duration.ofMinutes(15), 3, max)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.exponential(Duration.ofSeconds(1), 1_000, max)).isEqualTo(max);
        assertThat(Backoff.exponential(Duration.ofSeconds(1), 5, max)).isEqualTo(Duration.ofSeconds(32));
    }
}
