package org.vigia.reliability.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The shaded jars the service modules build in {@code package}, found from the repository's
 * root: {@code <module>/target/vigia-<module>-<version>-all.jar}.
 */
public record Jars(Path ingest, Path processor, Path alertService) {

    public static Jars in(Path repo) {
        String version = version();
        Jars jars = new Jars(jar(repo, "ingest", version), jar(repo, "stream-processor", version),
                jar(repo, "alert-service", version));
        for (Path p : new Path[] {jars.ingest, jars.processor, jars.alertService}) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(p + " does not exist: build the jars first "
                        + "(./mvnw -pl ingest,stream-processor,alert-service -am package -DskipTests)");
            }
        }
        return jars;
    }

    private static Path jar(Path repo, String module, String version) {
        return repo.resolve(module).resolve("target").resolve("vigia-" + module + "-" + version + "-all.jar").toAbsolutePath().normalize();
    }

    /** The project version this suite was built with. */
    public static String version() {
        try (InputStream in = Jars.class.getResourceAsStream("/reliability.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("reliability.properties is missing from the class path", e);
        }
    }

    /** The repository root: the nearest folder up from {@code start} with a pom.xml and an ingest/ module. */
    public static Path findRepo(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("ingest"))) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException("no Vigía repository above " + start));
    }
}
