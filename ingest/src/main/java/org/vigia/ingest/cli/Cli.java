package org.vigia.ingest.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigia.events.Commitment;
import org.vigia.events.ProgressUpdate;
import org.vigia.ingest.imports.AgencyTable;
import org.vigia.ingest.imports.Importer;
import org.vigia.ingest.imports.RegistryImport;
import org.vigia.ingest.imports.ProgressHistoryFile;
import org.vigia.ingest.imports.RegistryFile;
import org.vigia.ingest.kafka.InstanceId;
import org.vigia.ingest.replay.Dataset;
import org.vigia.ingest.replay.DatasetException;
import org.vigia.ingest.replay.Replay;
import org.vigia.ingest.replay.ReplayOptions;
import org.vigia.ingest.replay.ReplaySummary;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.Principal;
import org.vigia.kit.SettingsException;
import org.vigia.kit.TokenStore;

/**
 * The subcommands of the ingest jar. Returns the process exit code: 0 done, 1 the input was
 * refused (nothing written), 2 usage or configuration error, 3 Kafka failed.
 */
public final class Cli {
    static final String USAGE = """
            usage: java -jar ingest.jar                           run the ingest service
                   java -jar ingest.jar token <principal>          mint a token: admin | agency:CODE | cso:NAME | irm | news
                   java -jar ingest.jar import-registry <file.csv|file.json> [--agencies agencies.yaml]
                                                   [--plan-start 2013-11-01 --plan-end 2015-10-31]
                   java -jar ingest.jar import-progress <file.csv|file.jsonl>
                   java -jar ingest.jar replay <dataset-dir> [--tick 1d] [--speed 7d|86400|max] [--duration 60s] [--end 2015-12-31]
            Kafka is configured by KAFKA_BOOTSTRAP_SERVERS, VIGIA_TOPIC_PREFIX, VIGIA_PARTITIONS, KAFKA_*.""";

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        try {
            return switch (args[0]) {
                case "token" -> token(args, out, err);
                case "import-registry" -> importRegistry(args, out, err, new Env(environment));
                case "import-progress" -> importProgress(args, out, err, new Env(environment));
                case "replay" -> replay(args, out, err, new Env(environment));
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> usage(err, "unknown command '" + args[0] + "'");
            };
        } catch (UsageException | SettingsException e) {
            return usage(err, e.getMessage());
        } catch (DatasetException e) {
            err.println("refused, " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("failed: " + e.getMessage());
            return 3;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println(message);
        err.println(USAGE);
        return 2;
    }

    private static int token(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            throw new UsageException("token needs exactly one principal");
        }
        Principal principal;
        try {
            principal = Principal.parse(args[1]);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String[] minted = TokenStore.mint(principal);
        err.println("# token for " + principal + " (give it to its holder; it is shown only once and never stored):");
        out.println(minted[0]);
        err.println("# add these lines under 'tokens:' in the file named by VIGIA_TOKENS_FILE:");
        out.println(minted[1]);
        return 0;
    }

    private static Path file(String[] args, String command) {
        if (args.length != 2) {
            throw new UsageException(command + " needs exactly one file");
        }
        Path p = Path.of(args[1]);
        if (!Files.isRegularFile(p)) {
            throw new UsageException(args[1] + " is not a readable file");
        }
        return p;
    }

    private static int importRegistry(String[] args, PrintStream out, PrintStream err, Env env) {
        if (args.length < 2) {
            throw new UsageException("import-registry needs a file");
        }
        Path file = file(new String[] {args[0], args[1]}, "import-registry");
        List<String> warnings = new ArrayList<>();
        List<Commitment> commitments = RegistryFile.read(file, registryImport(args, 2), warnings);
        warnings.forEach(w -> err.println("note: " + w));
        KafkaSettings kafka = KafkaSettings.from(env);
        int n = Importer.writeRegistry(kafka, InstanceId.from(env), commitments, Instant.now());
        out.println("wrote " + n + " commitments to " + kafka.topics().commitments.name());
        return 0;
    }

    /** Parses {@code --agencies}, {@code --plan-start} and {@code --plan-end} from {@code args[from..]}. */
    static RegistryImport registryImport(String[] args, int from) {
        AgencyTable agencies = AgencyTable.empty();
        Optional<LocalDate> start = Optional.empty();
        Optional<LocalDate> end = Optional.empty();
        for (int i = from; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--agencies" -> {
                    if (!Files.isRegularFile(Path.of(value))) {
                        throw new UsageException("--agencies: " + value + " is not a readable file");
                    }
                    agencies = AgencyTable.load(Path.of(value));
                }
                case "--plan-start" -> start = Optional.of(date(flag, value));
                case "--plan-end" -> end = Optional.of(date(flag, value));
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (start.isPresent() != end.isPresent()) {
            throw new UsageException("--plan-start and --plan-end go together: the plan's period is both dates");
        }
        try {
            return new RegistryImport(agencies, start, end);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static LocalDate date(String flag, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(flag + " must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    private static int importProgress(String[] args, PrintStream out, PrintStream err, Env env) {
        Path file = file(args, "import-progress");
        List<String> warnings = new ArrayList<>();
        List<ProgressUpdate> updates = ProgressHistoryFile.read(file, warnings);
        warnings.forEach(w -> err.println("note: " + w));
        KafkaSettings kafka = KafkaSettings.from(env);
        int n = Importer.writeProgress(kafka, InstanceId.from(env), updates);
        out.println("wrote " + n + " progress updates to " + kafka.topics().progress.name());
        return 0;
    }

    private static int replay(String[] args, PrintStream out, PrintStream err, Env env) {
        if (args.length < 2) {
            throw new UsageException("replay needs a dataset folder");
        }
        ReplayOptions options = replayOptions(args, 2).withProgress(out::println);
        // Every line is validated before Kafka is even looked at.
        Dataset dataset = Dataset.load(Path.of(args[1]));
        KafkaSettings kafka = KafkaSettings.from(env);
        ReplaySummary summary = Replay.run(kafka, dataset, options.withInstanceId(InstanceId.from(env)));
        return summary.steps() > 0 ? 0 : 1;
    }

    /** Parses {@code --tick}, {@code --speed}, {@code --duration} and {@code --end} from {@code args[from..]}. */
    public static ReplayOptions replayOptions(String[] args, int from) {
        ReplayOptions options = ReplayOptions.defaults();
        for (int i = from; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[++i];
            options = switch (flag) {
                case "--tick" -> options.withTick(duration(flag, value));
                case "--speed" -> options.withSpeed(speed(value));
                case "--duration" -> options.withTargetDuration(duration(flag, value));
                case "--end" -> options.withEnd(instant(value));
                default -> throw new UsageException("unknown option " + flag);
            };
        }
        return options;
    }

    private static Duration duration(String flag, String value) {
        Duration d = Env.parseDuration(value);
        if (d == null || d.isZero() || d.isNegative()) {
            throw new UsageException(flag + " must be a positive duration such as 1d, 6h, 30s or PT1H, was '" + value + "'");
        }
        return d;
    }

    /** {@code max} (as fast as possible), a number of event seconds per wall second, or a duration per wall second ({@code 7d}). */
    static double speed(String value) {
        if (value.equalsIgnoreCase("max") || value.equals("0")) {
            return 0;
        }
        // Plain digits only: Double.parseDouble would read "7d" as the double literal 7.
        if (value.matches("\\d+(\\.\\d+)?")) {
            double d = Double.parseDouble(value);
            if (d > 0 && !Double.isInfinite(d)) {
                return d;
            }
        } else {
            Duration perSecond = Env.parseDuration(value);
            if (perSecond != null && !perSecond.isZero() && !perSecond.isNegative()) {
                return perSecond.toMillis() / 1000.0;
            }
        }
        throw new UsageException("--speed must be max, event seconds per wall second (86400) or event time per wall second (1d), was '"
                + value + "'");
    }

    private static Instant instant(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--end must be a date (2015-12-31) or an instant (2015-12-31T00:00:00Z), was '" + value + "'");
        }
    }

    /** The command line is wrong. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
