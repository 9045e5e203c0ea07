package org.vigia.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shipped dataset passes its own checker, {@code data/check_dataset.py}: every record valid
 * (cut-off dates included), and the simulated story the one data/README.md tells.
 */
class DatasetCheckTest {
    @Test
    void theMexicoDatasetIsValidAndTellsItsStory() throws Exception {
        Path script = Path.of("..", "data", "check_dataset.py");
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("needs python3 on the PATH to run data/check_dataset.py: " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("valid: 12 commitments").contains("story OK");
    }
}
