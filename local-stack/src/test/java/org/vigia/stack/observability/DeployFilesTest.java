package org.vigia.stack.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigia.alerts.subscription.SubscriptionsParser;
import org.vigia.ingest.news.FeedsConfig;
import org.vigia.kit.TokenStore;

/** Checks of the deployment files that need no running service. */
class DeployFilesTest {
    private final DeployFiles deploy = DeployFiles.locate();

    @Test
    void everyDashboardPanelTargetAndVariableUsesThePinnedPrometheusDatasource() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.list(deploy.dashboards())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                for (JsonNode panel : dashboard.path("panels")) {
                    check(file + " panel " + panel.path("title"), panel.path("datasource"), wrong);
                    for (JsonNode target : panel.path("targets")) {
                        check(file + " panel " + panel.path("title") + " target", target.path("datasource"), wrong);
                    }
                }
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    check(file + " variable " + variable.path("name"), variable.path("datasource"), wrong);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(Files.readString(deploy.root.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")))
                .contains("uid: vigia-prometheus");
    }

    private static void check(String where, JsonNode datasource, List<String> wrong) {
        if (!"vigia-prometheus".equals(datasource.path("uid").asText())) {
            wrong.add(where + ": " + datasource);
        }
    }

    @Test
    void everyDashboardQueryReadsAtLeastOneMetric() {
        assertThat(deploy.dashboardQueries()).isNotEmpty()
                .allSatisfy(q -> assertThat(PromQl.metricNames(q.expr())).as(q.where()).isNotEmpty());
    }

    @Test
    void theExampleTokensOfTheComposeReadmeMatchTheHashesOfItsTokensFile() throws IOException {
        TokenStore store = TokenStore.load(deploy.root.resolve("deploy/compose/tokens.yaml"));
        Matcher m = Pattern.compile("(?m)^(admin|agency:\\w+|cso:\\w+|irm|news)\\s+([A-Za-z0-9_-]{43})$")
                .matcher(Files.readString(deploy.root.resolve("deploy/compose/README.md")));
        int checked = 0;
        while (m.find()) {
            assertThat(store.authenticate(m.group(2))).as("the example token of %s", m.group(1))
                    .hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo(m.group(1)));
            checked++;
        }
        assertThat(checked).as("example tokens listed in deploy/compose/README.md").isEqualTo(7);
    }

    @Test
    void theComposeFeedsFileIsOneIngestAccepts() {
        FeedsConfig feeds = FeedsConfig.load(deploy.root.resolve("deploy/compose/feeds.yaml"));
        assertThat(feeds.feeds()).hasSize(2);
        assertThat(feeds.agencies()).containsKeys("PGR", "SCT");
    }

    @Test
    void theComposeSubscriptionsFileIsOneTheAlertServiceAccepts() throws IOException {
        var subscriptions = SubscriptionsParser.parse(Files.readString(deploy.root.resolve("deploy/compose/subscriptions.yaml")));
        assertThat(subscriptions.all()).hasSize(3);
    }

    /** The metric names danielqsj/kafka-exporter v1.9.0 (the image docker-compose.yml runs) exports. */
    private static final Set<String> KAFKA_EXPORTER_METRICS = Set.of("kafka_brokers", "kafka_broker_info",
            "kafka_topic_partitions", "kafka_topic_partition_current_offset", "kafka_topic_partition_oldest_offset",
            "kafka_topic_partition_in_sync_replica", "kafka_topic_partition_leader",
            "kafka_topic_partition_leader_is_preferred", "kafka_topic_partition_replicas",
            "kafka_topic_partition_under_replicated_partition", "kafka_consumergroup_current_offset",
            "kafka_consumergroup_current_offset_sum", "kafka_consumergroup_lag", "kafka_consumergroup_lag_sum",
            "kafka_consumergroup_members");

    @Test
    void everyKafkaExporterMetricTheDeployFilesUseIsOneTheExporterExports() {
        Map<String, Set<String>> used = deploy.metricsUsed(DeployFiles.Source.KAFKA_EXPORTER);
        assertThat(used).containsKeys("kafka_topic_partition_current_offset", "kafka_brokers");
        Map<String, Set<String>> unknown = new java.util.TreeMap<>(used);
        unknown.keySet().removeAll(KAFKA_EXPORTER_METRICS);
        assertThat(unknown).as("metrics the Kafka exporter does not export (metric → where used)").isEmpty();
    }

    private JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(deploy.root.resolve("docker-compose.yml").toFile());
    }

    @Test
    void everyPublishedHostPortIsFixedAndBelongsToOneServiceAndNoStreamProcessorReplicaPublishesOne() throws IOException {
        JsonNode services = compose().path("services");
        Map<String, String> owner = new java.util.TreeMap<>();
        List<String> problems = new ArrayList<>();
        services.fields().forEachRemaining(service -> {
            for (JsonNode port : service.getValue().path("ports")) {
                // "${VIGIA_PUBLISH_ADDRESS:-127.0.0.1}:8082:8082" → host port 8082
                String[] parts = port.asText().replaceAll("\\$\\{[^}]*}", "ADDR").split(":");
                String hostPort = parts.length >= 2 ? parts[parts.length - 2] : parts[0];
                if (!hostPort.matches("[0-9]{1,5}")) {
                    problems.add(service.getKey() + " publishes '" + port.asText() + "': not one fixed host port");
                }
                String previous = owner.put(hostPort, service.getKey());
                if (previous != null) {
                    problems.add("host port " + hostPort + " is published by " + previous + " and " + service.getKey());
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(services.path("stream-processor").has("ports")).as("stream-processor replicas publish no host port").isFalse();
        assertThat(owner).containsEntry("8082", "proxy").containsEntry("8083", "proxy").containsEntry("8081", "ingest");
    }

    @Test
    void theServicesWaitForKafkaInitHaveGracePeriodsAndMemoryLimits() throws IOException {
        JsonNode services = compose().path("services");
        for (String name : List.of("ingest", "stream-processor", "alert-service")) {
            JsonNode service = services.path(name);
            assertThat(service.path("depends_on").path("kafka-init").path("condition").asText()).as(name)
                    .isEqualTo("service_completed_successfully");
            assertThat(service.path("mem_limit").asText()).as(name + " mem_limit").isNotEmpty();
            assertThat(service.path("environment").path("JAVA_OPTS").asText()).as(name + " JAVA_OPTS").contains("MaxRAMPercentage");
        }
        // Kafka Streams needs up to 30 s to close; Docker's default is 10 s.
        assertThat(seconds(services.path("stream-processor").path("stop_grace_period").asText())).isGreaterThanOrEqualTo(40);
        services.fields().forEachRemaining(s -> assertThat(s.getValue().path("mem_limit").asText())
                .as(s.getKey() + " mem_limit").isNotEmpty());
        assertThat(services.path("kafka-init").path("restart").asText()).isEqualTo("no");
    }

    private static int seconds(String duration) {
        Matcher m = Pattern.compile("([0-9]+)s").matcher(duration);
        assertThat(m.matches()).as("duration %s", duration).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void kafkaInitLeavesTheTransactionProtocolAsTheBrokerHasItUnlessTheOperatorSetsIt() throws IOException {
        String compose = Files.readString(deploy.root.resolve("docker-compose.yml"));
        String withoutComments = compose.replaceAll("(?m)(^|\\s)#.*$", "");
        assertThat(Pattern.compile("transaction\\.version|downgrade").matcher(withoutComments).results().count())
                .as("nothing in docker-compose.yml sets the feature level").isZero();
        assertThat(Pattern.compile("(?m)^\\s*VIGIA_TRANSACTION_VERSION:").matcher(withoutComments).results().count()).isEqualTo(1);
        assertThat(compose().path("services").path("kafka-init").path("environment").path("VIGIA_TRANSACTION_VERSION").asText())
                .as("empty unless the operator's environment sets it").isEqualTo("${VIGIA_TRANSACTION_VERSION:-}");
    }

    @Test
    void everyImageIsPinnedToAnExactVersion() throws IOException {
        Set<String> images = new TreeSet<>();
        compose().path("services").forEach(s -> {
            if (s.has("image") && !s.has("build")) {
                images.add(s.path("image").asText());
            }
        });
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Files.readString(deploy.root.resolve("deploy/docker/Dockerfile")));
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(image -> assertThat(image).as("an exact version tag (x.y.z) or a digest")
                        .matches(".+(:v?[0-9]+\\.[0-9]+\\.[0-9]+[^:/]*|@sha256:[0-9a-f]{64})"));
    }

    @Test
    void shellScriptsAreCheckedOutWithLfLineEndingsOnEveryPlatform() throws Exception {
        Process git = new ProcessBuilder("git", "check-attr", "eol", "--", "deploy/docker/entrypoint.sh",
                "deploy/docker/healthcheck.sh", "deploy/kafka/kafka-init.sh", "mvnw")
                .directory(deploy.root.toFile()).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor()).as(out).isZero();
        assertThat(out.lines()).hasSize(4).allSatisfy(line -> assertThat(line).endsWith(": eol: lf"));
    }

    @Test
    void theComposeReadmesExampleReportsOnACommitmentAndMilestoneOfTheReportingAgencyInTheDataset() throws IOException {
        String readme = Files.readString(deploy.root.resolve("deploy/compose/README.md"));
        Matcher update = Pattern.compile("Bearer \\$(\\w+)\"(?:(?!Bearer).){0,300}?commitmentId\\\\\":\\\\\"([A-Za-z0-9.-]+)\\\\\",\\\\\"milestoneId\\\\\":\\\\\"([A-Za-z0-9.-]+)", Pattern.DOTALL)
                .matcher(readme);
        assertThat(update.find()).as("a progress update in deploy/compose/README.md").isTrue();
        String agency = update.group(1);
        JsonNode registry = new ObjectMapper().readTree(deploy.root.resolve("data/mexico-2013-2015/commitments.json").toFile());
        JsonNode commitment = null;
        for (JsonNode c : registry) {
            if (c.path("id").asText().equals(update.group(2))) {
                commitment = c;
            }
        }
        assertThat(commitment).as("commitment %s in the dataset", update.group(2)).isNotNull();
        assertThat(commitment.path("agency").asText()).as("the agency of %s", update.group(2)).isEqualTo(agency);
        List<String> milestones = new ArrayList<>();
        commitment.path("milestones").forEach(m -> milestones.add(m.path("id").asText()));
        assertThat(milestones).contains(update.group(3));
        assertThat(readme).contains("/api/v1/commitments/" + update.group(2));
    }
}
