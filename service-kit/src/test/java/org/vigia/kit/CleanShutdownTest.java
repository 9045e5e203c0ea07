package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanShutdownTest {
    @TempDir
    Path dir;

    @Test
    void aFirstStartHasNothingToRebuild() {
        assertThat(new CleanShutdown(dir.resolve("absent")).mustRebuild()).isFalse();
        assertThat(new CleanShutdown(dir).mustRebuild()).isFalse();
    }

    @Test
    void stateLeftWithoutACleanCloseIsRebuiltAndACleanCloseIsTrusted() throws Exception {
        CleanShutdown shutdown = new CleanShutdown(dir);
        shutdown.running();
        Files.createDirectories(dir.resolve("vigia-stream-processor/0_0/rocksdb"));
        assertThat(new CleanShutdown(dir).mustRebuild()).as("after a crash").isTrue();

        shutdown.closedCleanly();
        assertThat(new CleanShutdown(dir).mustRebuild()).as("after a clean close").isFalse();

        new CleanShutdown(dir).running();
        assertThat(new CleanShutdown(dir).mustRebuild()).as("running again, then killed").isTrue();
    }
}
