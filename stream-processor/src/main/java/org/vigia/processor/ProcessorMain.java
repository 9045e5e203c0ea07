package org.vigia.processor;

import org.vigia.kit.ServiceRunner;

/**
 * The stream-processor as a process: {@code java -jar vigia-stream-processor-<version>-all.jar},
 * configured by environment variables (see the module README).
 */
public final class ProcessorMain {
    private ProcessorMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.run("stream-processor", env -> new ProcessorService(ProcessorSettings.from(env)));
    }
}
