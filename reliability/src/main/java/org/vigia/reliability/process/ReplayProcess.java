package org.vigia.reliability.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ingest's {@code replay} command as a process against a broker: the dataset replayed in
 * event time, each step one transaction, at {@code --speed max} or over {@code --duration}.
 */
public final class ReplayProcess {
    private ReplayProcess() {
    }

    /** Pacing of a replay: "max", an event-time speed ("7d"), or a whole-replay wall duration. */
    public record Pace(String flag, String value) {
        public static Pace max() {
            return new Pace("--speed", "max");
        }

        public static Pace over(Duration wall) {
            return new Pace("--duration", wall.toMillis() + "ms");
        }
    }

    /** Starts the replay; {@code extraArgs} such as {@code --tick 7d} or {@code --end 2015-12-31} are passed on. */
    public static ServiceProcess start(Path ingestJar, Path dataset, Pace pace, List<String> extraArgs,
                                       Map<String, String> kafkaEnv, Path workDir, Path logFile) {
        List<String> args = new ArrayList<>(List.of("replay", dataset.toAbsolutePath().toString(), pace.flag(), pace.value()));
        args.addAll(extraArgs);
        return ServiceProcess.start(new ProcessSpec("replay",
                JavaCommand.jar(ingestJar, List.of("-Xmx512m", "-XX:+UseSerialGC"), args), kafkaEnv, workDir, logFile));
    }

    /** Runs the replay to the end; throws with the tail of its log if it does not exit 0 within {@code timeout}. */
    public static void run(Path ingestJar, Path dataset, Pace pace, List<String> extraArgs, Map<String, String> kafkaEnv,
                           Path workDir, Path logFile, Duration timeout) {
        ServiceProcess replay = start(ingestJar, dataset, pace, extraArgs, kafkaEnv, workDir, logFile);
        int code = replay.awaitExit(timeout);
        if (code != 0) {
            replay.kill9();
            throw new IllegalStateException("replay " + (code == -1 ? "did not finish within " + timeout : "exited " + code)
                    + "; its log ends with:\n" + replay.tail(30));
        }
    }
}
