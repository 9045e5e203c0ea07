package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.pipeline.Fixtures.NOW;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void retriesDoubleWithEachFailedAttemptUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(backoff.retryAt(1, NOW)).isEqualTo(NOW.plusSeconds(1));
        assertThat(backoff.retryAt(2, NOW)).isEqualTo(NOW.plusSeconds(2));
        assertThat(backoff.retryAt(3, NOW)).isEqualTo(NOW.plusSeconds(4));
        assertThat(backoff.retryAt(4, NOW)).isEqualTo(NOW.plusSeconds(5));
        assertThat(backoff.retryAt(400, NOW)).isEqualTo(NOW.plusSeconds(5));
    }
}
