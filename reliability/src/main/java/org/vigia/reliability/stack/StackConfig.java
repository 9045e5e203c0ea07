package org.vigia.reliability.stack;

import java.nio.file.Path;
import java.util.Map;
import org.vigia.reliability.process.Jars;

/**
 * What a stack runs against and with.
 *
 * @param folder     the run's folder: one sub-folder per service (its working directory, state and log)
 * @param topicPrefix {@code VIGIA_TOPIC_PREFIX}, so runs on one broker never see each other
 * @param extraEnv   variables added to every service (a log level, SMTP credentials, …), per service name
 *                   ("ingest", "processor", "alert-service") or "*" for all
 */
public record StackConfig(Jars jars, String bootstrap, String topicPrefix, int partitions, Path folder, Path tokensFile,
                          Path subscriptionsFile, int smtpPort, Map<String, Map<String, String>> extraEnv) {
}
