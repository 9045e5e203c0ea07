package org.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigia.kit.Env;
import org.vigia.kit.SettingsException;

class AlertSettingsTest {
    private final Env base = new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));

    @Test
    void defaultsMatchTheDesign() {
        AlertSettings s = AlertSettings.from(base);
        assertThat(s.httpHost()).isEqualTo("0.0.0.0");
        assertThat(s.httpPort()).isEqualTo(8083);
        assertThat(s.groupWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.repeatInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(s.digestTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(s.digestZone()).isEqualTo(ZoneId.of("America/Mexico_City"));
        assertThat(s.rateLimitPerHour()).isEqualTo(20);
        assertThat(s.applicationId()).isEqualTo("vigia.alert-service");
        assertThat(s.standbyReplicas()).isEqualTo(1);
        assertThat(s.subscriptionContact()).isEqualTo("alertas@vigia.example");
        assertThat(s.panelUrl().toString()).isEqualTo("http://localhost:8082/");
        assertThat(s.smtp().port()).isEqualTo(25);
        assertThat(s.smtp().startTls()).isFalse();
        assertThat(s.smtp().from().getPersonal()).isEqualTo("Vigía");
    }

    @Test
    void startTlsDefaultsOnForTheSubmissionPortAndThePasswordNeverShows() {
        AlertSettings s = AlertSettings.from(base.with(Map.of("SMTP_PORT", "587", "SMTP_USERNAME", "vigia",
                "SMTP_PASSWORD", "s3cret-pass")));
        assertThat(s.smtp().startTls()).isTrue();
        assertThat(s.toString()).doesNotContain("s3cret-pass");
    }

    @Test
    void smtpCredentialsOverAConnectionWithoutTlsAreRefusedUnlessExplicitlyAllowed() {
        Map<String, String> plain = Map.of("SMTP_PORT", "25", "SMTP_USERNAME", "vigia", "SMTP_PASSWORD", "s3cret-pass");
        assertThatThrownBy(() -> AlertSettings.from(base.with(plain)))
                .isInstanceOf(SettingsException.class).hasMessageContaining("SMTP_STARTTLS").hasMessageContaining("SMTP_ALLOW_PLAINTEXT_AUTH")
                .hasMessageNotContaining("s3cret-pass");
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("SMTP_PORT", "587", "SMTP_STARTTLS", "false",
                "SMTP_USERNAME", "vigia", "SMTP_PASSWORD", "p")))).hasMessageContaining("SMTP_STARTTLS");
        java.util.Map<String, String> allowed = new java.util.HashMap<>(plain);
        allowed.put("SMTP_ALLOW_PLAINTEXT_AUTH", "true");
        assertThat(AlertSettings.from(base.with(allowed)).smtp().username()).contains("vigia");
        assertThat(AlertSettings.from(base.with(Map.of("SMTP_PORT", "2525"))).smtp().username()).isEmpty();
    }

    @Test
    void theOldConsumerGroupVariableIsRefusedNamingItsReplacement() {
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("VIGIA_CONSUMER_GROUP", "g"))))
                .hasMessageContaining("VIGIA_APPLICATION_ID");
    }

    @Test
    void wrongValuesFailNamingTheVariable() {
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("VIGIA_DIGEST_TIME", "8am"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("VIGIA_DIGEST_TIME");
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("VIGIA_DIGEST_ZONE", "Mars/Olympus"))))
                .hasMessageContaining("VIGIA_DIGEST_ZONE");
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("VIGIA_GROUP_WAIT", "soon"))))
                .hasMessageContaining("VIGIA_GROUP_WAIT");
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("SMTP_USERNAME", "u"))))
                .hasMessageContaining("SMTP_PASSWORD");
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("SMTP_FROM", "not an address <"))))
                .hasMessageContaining("SMTP_FROM");
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("VIGIA_RATE_LIMIT_PER_HOUR", "-1"))))
                .hasMessageContaining("VIGIA_RATE_LIMIT_PER_HOUR");
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("VIGIA_SUBSCRIPTIONS_FILE", "/nope/subs.yaml"))))
                .hasMessageContaining("VIGIA_SUBSCRIPTIONS_FILE");
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("VIGIA_ADVERTISED_HOST", "no port"))))
                .hasMessageContaining("VIGIA_ADVERTISED_HOST");
        assertThatThrownBy(() -> AlertSettings.from(base.with(Map.of("VIGIA_SUBSCRIPTION_CONTACT", "nobody"))))
                .hasMessageContaining("VIGIA_SUBSCRIPTION_CONTACT");
    }
}
