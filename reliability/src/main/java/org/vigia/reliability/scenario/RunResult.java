package org.vigia.reliability.scenario;

import java.util.List;
import org.vigia.reliability.compare.Comparison;
import org.vigia.reliability.compare.RunOutcome;
import org.vigia.reliability.drive.DriveLog;

/** One run of the suite: what the driver did, what the run left, its checks and notes; the comparison once a clean run is known. */
public record RunResult(String name, DriveLog drive, RunOutcome outcome, List<Check> checks, List<String> notes,
                        Comparison comparison, double seconds) {
    public boolean failed() {
        return (comparison != null && comparison.failed()) || checks.stream().anyMatch(c -> !c.ok());
    }

    RunResult compared(Comparison c) {
        return new RunResult(name, drive, outcome, checks, notes, c, seconds);
    }
}
