package org.vigia.stack.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
}
