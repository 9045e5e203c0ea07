package org.vigia.ingest;

import org.vigia.ingest.cli.Cli;
import org.vigia.kit.ServiceRunner;

/**
 * The ingest jar. Without arguments it runs the service (configured by environment
 * variables, see {@link IngestSettings}); with a subcommand it runs that and exits:
 * <pre>
 *   java -jar ingest.jar                                   run the service
 *   java -jar ingest.jar token agency:SCT                   mint a token, print the tokens-file line
 *   java -jar ingest.jar import-registry file.csv|file.json write a registry to vigia.commitments
 *   java -jar ingest.jar import-progress file.csv|file.jsonl write a progress history to vigia.progress
 *   java -jar ingest.jar replay DIR [--tick 1d] [--speed 7d|--duration 60s] [--end INSTANT]
 * </pre>
 */
public final class IngestMain {
    private IngestMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ServiceRunner.run("ingest", env -> new IngestService(IngestSettings.from(env)));
            return;
        }
        System.exit(Cli.run(args, System.out, System.err, System.getenv()));
    }
}
