package org.vigia.reliability.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vigia.reliability.ReliabilityMain;

/**
 * The quick mode of {@code reliability/run.sh}, in {@code ./mvnw verify}: fails exactly when
 * the script would exit non-zero, with the scenario table as the failure message.
 */
class ReliabilityQuickIT {

    @Test
    void everyScenarioLosesNothingAndChangesNothing() {
        Path repo = Path.of(System.getProperty("vigia.repo", "..")).toAbsolutePath().normalize();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(System.out, captured), true, StandardCharsets.UTF_8);

        int exit = ReliabilityMain.run(new String[] {"quick", "--repo", repo.toString(),
                "--work", repo.resolve("reliability/target/quick-it").toString()}, out);

        assertThat(exit).as("reliability/run.sh --quick would exit %d:%n%s", exit, captured.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    /** Prints as it goes (the run is long) and keeps a copy for the failure message. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
