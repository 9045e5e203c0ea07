package org.vigia.reliability.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.vigia.reliability.process.FreePorts;
import org.vigia.reliability.process.JavaCommand;
import org.vigia.reliability.process.ProcessSpec;
import org.vigia.reliability.process.ServiceProcess;

/**
 * Vigía as separate {@code java -jar} processes on 127.0.0.1: one ingest, two stream-processors
 * (one application id) and two alert services (one consumer group), each with its own port,
 * data folder and log, configured only through the environment variables the READMEs
 * document. The ingest live clock is off: the driver writes event-time ticks.
 */
public final class Stack implements AutoCloseable {
    private static final Duration READY = Duration.ofMinutes(3);

    private final StackConfig config;
    private final Service ingest;
    private final List<Service> processors;
    private final List<Service> alertServices;

    private Stack(StackConfig config, Service ingest, List<Service> processors, List<Service> alertServices) {
        this.config = config;
        this.ingest = ingest;
        this.processors = processors;
        this.alertServices = alertServices;
    }

    public static Stack start(StackConfig config) {
        Service ingest = launch(config, "ingest", "ingest", config.jars().ingest(), List.of("-Xmx384m"), ingestEnv(config));
        List<Service> started = new ArrayList<>(List.of(ingest));
        try {
            ingest.awaitReady(READY);
            List<Service> processors = new ArrayList<>();
            int panelPort = -1;
            for (int i = 1; i <= 2; i++) {
                int port = FreePorts.next();
                panelPort = panelPort < 0 ? port : panelPort;
                Map<String, String> env = common(config, "processor");
                env.put("VIGIA_HTTP_PORT", String.valueOf(port));
                env.put("VIGIA_ADVERTISED_HOST", "127.0.0.1:" + port);
                env.put("VIGIA_APPLICATION_ID", config.topicPrefix() + "processor");
                env.put("VIGIA_STATE_DIR", config.folder().resolve("processor-" + i).resolve("state").toString());
                processors.add(launch(config, "processor-" + i, "processor", config.jars().processor(),
                        List.of("-Xmx512m"), env));
            }
            started.addAll(processors);
            List<Service> alerts = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Map<String, String> env = common(config, "alert-service");
                int port = FreePorts.next();
                env.put("VIGIA_HTTP_PORT", String.valueOf(port));
                env.put("VIGIA_ADVERTISED_HOST", "127.0.0.1:" + port);
                env.put("VIGIA_APPLICATION_ID", config.topicPrefix() + "alert-service");
                env.put("VIGIA_STATE_DIR", config.folder().resolve("alert-service-" + i).resolve("state").toString());
                env.put("VIGIA_SUBSCRIPTIONS_FILE", config.subscriptionsFile().toString());
                env.put("VIGIA_TOKENS_FILE", config.tokensFile().toString());
                env.put("SMTP_HOST", "127.0.0.1");
                env.put("SMTP_PORT", String.valueOf(config.smtpPort()));
                env.putIfAbsent("SMTP_STARTTLS", "false");
                env.putIfAbsent("VIGIA_GROUP_WAIT", "2s");
                env.putIfAbsent("VIGIA_REPEAT_INTERVAL", "0s");
                env.putIfAbsent("VIGIA_RATE_LIMIT_PER_HOUR", "0");
                env.putIfAbsent("VIGIA_SMTP_INITIAL_BACKOFF", "500ms");
                env.putIfAbsent("VIGIA_SMTP_MAX_BACKOFF", "5s");
                env.put("VIGIA_PANEL_URL", "http://127.0.0.1:" + panelPort + "/");
                alerts.add(launch(config, "alert-service-" + i, "alert-service", config.jars().alertService(),
                        List.of("-Xmx384m"), env));
            }
            started.addAll(alerts);
            CompletableFuture.allOf(started.stream().skip(1)
                    .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(READY))).toArray(CompletableFuture[]::new)).join();
            return new Stack(config, ingest, processors, alerts);
        } catch (RuntimeException e) {
            started.forEach(s -> s.process().stop(Duration.ofSeconds(10)));
            throw e instanceof java.util.concurrent.CompletionException && e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static Map<String, String> ingestEnv(StackConfig config) {
        Map<String, String> env = common(config, "ingest");
        env.put("VIGIA_HTTP_PORT", String.valueOf(FreePorts.next()));
        env.put("VIGIA_TOKENS_FILE", config.tokensFile().toString());
        env.put("VIGIA_CLOCK_ENABLED", "false");
        return env;
    }

    private static Map<String, String> common(StackConfig config, String role) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.bootstrap());
        env.put("VIGIA_TOPIC_PREFIX", config.topicPrefix());
        env.put("VIGIA_PARTITIONS", String.valueOf(config.partitions()));
        env.put("VIGIA_HTTP_HOST", "127.0.0.1");
        env.putAll(config.extraEnv().getOrDefault("*", Map.of()));
        env.putAll(config.extraEnv().getOrDefault(role, Map.of()));
        return env;
    }

    private static Service launch(StackConfig config, String name, String role, Path jar, List<String> heap,
                                  Map<String, String> env) {
        Path dir = config.folder().resolve(name);
        List<String> jvm = new ArrayList<>(heap);
        jvm.add("-XX:+UseSerialGC");
        // Runs are minutes long on two shared cores: C1 alone compiles far less at start-up.
        jvm.add("-XX:TieredStopAtLevel=1");
        jvm.add("-Duser.timezone=UTC");
        ServiceProcess p = ServiceProcess.start(new ProcessSpec(name, JavaCommand.jar(jar, jvm, List.of()), env, dir,
                dir.resolve(name + ".log")));
        return new Service(p, URI.create("http://127.0.0.1:" + env.get("VIGIA_HTTP_PORT")));
    }

    public StackConfig config() {
        return config;
    }

    public Service ingest() {
        return ingest;
    }

    public List<Service> processors() {
        return processors;
    }

    public List<Service> alertServices() {
        return alertServices;
    }

    public List<Service> all() {
        List<Service> all = new ArrayList<>();
        all.add(ingest);
        all.addAll(processors);
        all.addAll(alertServices);
        return all;
    }

    /** SIGTERM to every service (alert services first, ingest last), each with a grace period. */
    @Override
    public void close() {
        List<Service> order = new ArrayList<>(alertServices);
        order.addAll(processors);
        order.add(ingest);
        order.parallelStream().forEach(s -> s.process().stop(Duration.ofSeconds(30)));
    }
}
