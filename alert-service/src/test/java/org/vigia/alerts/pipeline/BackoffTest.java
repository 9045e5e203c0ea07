package org.vigia.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.alerts.pipeline.Fixtures.NOW;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void retriesDoubleUpToTheMaximumAndASuccessResets() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(backoff.failed("s", NOW)).isEqualTo(NOW.plusSeconds(1));
        assertThat(backoff.failed("s", NOW)).isEqualTo(NOW.plusSeconds(2));
        assertThat(backoff.failed("s", NOW)).isEqualTo(NOW.plusSeconds(4));
        assertThat(backoff.failed("s", NOW)).isEqualTo(NOW.plusSeconds(5));
        assertThat(backoff.mayTry("s", NOW.plusSeconds(4))).isFalse();
        assertThat(backoff.mayTry("s", NOW.plusSeconds(5))).isTrue();
        backoff.succeeded("s");
        assertThat(backoff.isFailing("s")).isFalse();
        assertThat(backoff.failed("s", NOW)).isEqualTo(NOW.plusSeconds(1));
    }
}
