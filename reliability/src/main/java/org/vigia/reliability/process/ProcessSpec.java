package org.vigia.reliability.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to run as a process: a name for reports, the command line, the environment variables
 * it gets on top of a clean base, the folder it runs in and the file its output goes to.
 */
public record ProcessSpec(String name, List<String> command, Map<String, String> environment, Path workDir, Path logFile) {
    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
