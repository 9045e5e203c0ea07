package org.vigia.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;
import org.vigia.events.Violation;
import org.vigia.kit.SettingsException;

class SubscriptionsParserTest {

    @Test
    void readsTheDesignExampleWithDefaultsAndADerivedId() {
        Subscriptions subs = SubscriptionsParser.parse("""
                subscriptions:
                  - name: Artículo 19
                    emails: [alertas@articulo19.example]
                    language: es
                    match: { agencies: [PGR], types: [STALLED, RESUMED, OVERDUE], minSeverity: WARNING }
                    delivery: immediate
                  - name: CIDAC
                    id: cidac-mx
                    emails: [a@cidac.example, b@cidac.example]
                    language: EN
                    delivery: weekly
                """);
        Subscription a19 = subs.byId("articulo19").orElseThrow();
        assertThat(a19.name()).isEqualTo("Artículo 19");
        assertThat(a19.language()).isEqualTo(Language.ES);
        assertThat(a19.match().types()).containsExactlyInAnyOrder(AlertType.STALLED, AlertType.RESUMED, AlertType.OVERDUE);
        assertThat(a19.match().minSeverity()).isEqualTo(Severity.WARNING);
        Subscription cidac = subs.byId("cidac-mx").orElseThrow();
        assertThat(cidac.delivery()).isEqualTo(Delivery.WEEKLY);
        assertThat(cidac.match()).isEqualTo(Matchers.ALL);
        assertThat(cidac.emails()).hasSize(2);
    }

    @Test
    void everyProblemIsReportedNamingTheSubscriptionTheFieldAndTheRuleButNeverTheAddress() {
        assertThatThrownBy(() -> SubscriptionsParser.parse("""
                subscriptions:
                  - name: Artículo 19
                    emails: [alertas@articulo19.example, not-an-address]
                    language: fr
                    match: { agencies: [PGR], types: [STALLED, STALLD], minSeverity: LOUD, colour: red }
                    delivery: hourly
                  - name: Artículo 19
                    emails: []
                    language: es
                """))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> {
                    String m = e.getMessage();
                    assertThat(m).contains("subscriptions[0] (Artículo 19).emails[1]: is not a valid email address")
                            .contains("subscriptions[0] (Artículo 19).language: must be one of es, en (was 'fr')")
                            .contains("subscriptions[0] (Artículo 19).match.types[1]: must be one of STALLED")
                            .contains("subscriptions[0] (Artículo 19).match.minSeverity: must be one of INFO, WARNING, CRITICAL")
                            .contains("subscriptions[0] (Artículo 19).match.colour: is not a known field")
                            .contains("subscriptions[0] (Artículo 19).delivery: must be one of immediate, daily, weekly (was 'hourly')")
                            .contains("subscriptions[1] (Artículo 19).emails: must list at least one email address")
                            .doesNotContain("not-an-address");
                });
    }

    @Test
    void twoMistakesInTheFileAreBothReportedOnePerLineUnderTheFileName() {
        assertThatThrownBy(() -> SubscriptionsParser.parse("""
                subscriptions:
                  - name: Fundar
                    emails: [a@fundar.example]
                    language: es
                    match: { types: [STALLED, OVERDUE, LATE] }
                  - name: CIDAC
                    emails: [b@cidac.example]
                    language: en
                    delivery: monthly
                """, "VIGIA_SUBSCRIPTIONS_FILE subscriptions.yaml"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("""
                        VIGIA_SUBSCRIPTIONS_FILE subscriptions.yaml is invalid (2 problems):
                          subscriptions[0] (Fundar).match.types[2]: must be one of %s (was 'LATE')
                          subscriptions[1] (CIDAC).delivery: must be one of immediate, daily, weekly (was 'monthly')"""
                        .formatted(String.join(", ", Arrays.stream(AlertType.values()).map(Enum::name).toList())));
    }

    @Test
    void silenceMatchersReportIntoTheCallersListForAnHttp400() {
        List<Violation> out = new ArrayList<>();
        var node = new ObjectMapper().createObjectNode().put("minSeverity", "LOUD");
        assertThat(SubscriptionsParser.matchers(node, "matchers", out)).isEqualTo(Matchers.ALL);
        assertThat(out).extracting(Object::toString).singleElement().asString()
                .startsWith("matchers.minSeverity: must be one of INFO, WARNING, CRITICAL");
    }

    @Test
    void duplicateIdsAndAMissingListAreRefused() {
        assertThatThrownBy(() -> SubscriptionsParser.parse("""
                subscriptions:
                  - { name: Fundar, emails: [a@fundar.example], language: es }
                  - { name: fundar, emails: [b@fundar.example], language: es }
                """)).hasMessageContaining("subscriptions[1] (fundar).id: 'fundar' is used by an earlier subscription");
        assertThatThrownBy(() -> SubscriptionsParser.parse("subscribers: []")).hasMessageContaining("subscriptions: must be a list");
        assertThatThrownBy(() -> SubscriptionsParser.parse("subscriptions: [")).hasMessageContaining("is not valid YAML");
    }
}
