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
        assertThat(s.consumerGroup()).isEqualTo("vigia-alert-service");
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
    }
}
