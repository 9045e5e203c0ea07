package org.vigia.stack.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The deployment files under {@code deploy/} as the tests read them: every PromQL
 * expression of the Grafana dashboards and of the Prometheus rules, and the metric names
 * those expressions use, by who exports them.
 */
final class DeployFiles {
    /**
     * Who exports a metric the deploy files use: a Vigía service, the Kafka exporter, the
     * proxy (HAProxy's exporter and the replica count it publishes), or Prometheus itself.
     */
    enum Source {
        SERVICE, KAFKA_EXPORTER, PROXY, PROMETHEUS;

        static Source of(String metric) {
            if (Set.of("up", "ALERTS", "ALERTS_FOR_STATE").contains(metric) || metric.startsWith("scrape_")) {
                return PROMETHEUS;
            }
            if (metric.startsWith("kafka_brokers") || metric.startsWith("kafka_broker_info")
                    || metric.startsWith("kafka_topic_") || metric.startsWith("kafka_consumergroup")) {
                return KAFKA_EXPORTER;
            }
            if (metric.startsWith("haproxy_") || metric.equals("vigia_expected_replicas")) {
                return PROXY;
            }
            return SERVICE;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Path root;

    private DeployFiles(Path root) {
        this.root = root;
    }

    /** The repository the test runs in: the first folder up from the working directory with deploy/prometheus. */
    static DeployFiles locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/prometheus"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/prometheus folder above " + Path.of("").toAbsolutePath());
        }
        return new DeployFiles(dir);
    }

    Path dashboards() {
        return root.resolve("deploy/grafana/dashboards");
    }

    Path rules() {
        return root.resolve("deploy/prometheus/rules");
    }

    /** Dashboard file name and panel/variable title → expression, for every query of every dashboard. */
    List<Query> dashboardQueries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : list(dashboards(), ".json")) {
            JsonNode dashboard = read(JSON, file);
            collectPanels(file, dashboard.path("panels"), queries);
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                JsonNode q = variable.path("query");
                String expr = q.isTextual() ? q.asText() : q.path("query").asText("");
                if (!expr.isBlank()) {
                    queries.add(new Query(file.getFileName() + " variable $" + variable.path("name").asText(), expr));
                }
            }
        }
        return queries;
    }

    private static void collectPanels(Path file, JsonNode panels, List<Query> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (!expr.isBlank()) {
                    into.add(new Query(file.getFileName() + " panel \"" + panel.path("title").asText() + "\"", expr));
                }
            }
            collectPanels(file, panel.path("panels"), into); // collapsed rows nest their panels
        }
    }

    /** Every alerting and recording rule expression. */
    List<Query> ruleQueries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : list(rules(), ".yml")) {
            for (JsonNode group : read(YAML, file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                    queries.add(new Query(file.getFileName() + " rule " + name, rule.path("expr").asText()));
                }
            }
        }
        return queries;
    }

    /** Metric name → where it is used, for every metric of the given source. */
    Map<String, Set<String>> metricsUsed(Source source) {
        Map<String, Set<String>> used = new TreeMap<>();
        Stream.concat(dashboardQueries().stream(), ruleQueries().stream()).forEach(q -> {
            for (String name : PromQl.metricNames(q.expr())) {
                if (Source.of(name) == source) {
                    used.computeIfAbsent(name, n -> new TreeSet<>()).add(q.where());
                }
            }
        });
        return used;
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no " + suffix + " file in " + dir);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    record Query(String where, String expr) {
    }
}
