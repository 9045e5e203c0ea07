package org.vigia.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Remembers whether this instance's last run closed its state cleanly, in a marker file in
 * {@code VIGIA_STATE_DIR}. Kafka Streams writes to RocksDB as it processes, before the
 * transaction that carries the same writes to the changelogs commits; each store flushes to
 * disk on its own schedule. After a {@code kill -9} the stores can therefore hold writes of a
 * transaction the broker aborted, and disagree with one another (a report marked as seen in one
 * store, its effect missing from another). Measured with Kafka 4.4, whose stores keep their own
 * changelog offsets, a restart on such state lost reports. So state a crash may have left is
 * dropped before start and rebuilt from the changelogs, which hold committed writes only.
 */
final class CleanShutdown {
    private static final String MARKER = "vigia-clean-shutdown";
    private final Path dir;
    private final Path marker;

    CleanShutdown(Path stateDir) {
        this.dir = stateDir;
        this.marker = stateDir.resolve(MARKER);
    }

    /** True when the folder holds state and the last run did not close it cleanly. */
    boolean mustRebuild() {
        if (!Files.isDirectory(dir) || Files.exists(marker)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state folder " + dir, e);
        }
    }

    /** From now on the state is in use: a crash must leave no marker behind. */
    void running() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + marker, e);
        }
    }

    /** The state was closed cleanly: the next start may use it as it is. */
    void closedCleanly() {
        try {
            Files.createDirectories(dir);
            Files.writeString(marker, Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }
}
