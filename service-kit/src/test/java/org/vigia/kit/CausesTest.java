package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class CausesTest {
    @Test
    void theRootIsTheInnermostCause() {
        IOException refused = new IOException("connection refused");
        RuntimeException wrapped = new IllegalStateException("send failed", new UncheckedIOException(refused));

        assertThat(Causes.root(wrapped)).isSameAs(refused);
    }

    @Test
    void anExceptionWithoutACauseIsItsOwnRoot() {
        IllegalStateException alone = new IllegalStateException("alone");

        assertThat(Causes.root(alone)).isSameAs(alone);
    }
}
