package org.vigia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigia.kit.Env;
import org.vigia.kit.SettingsException;

class IngestSettingsTest {
    static IngestSettings from(Map<String, String> vars) {
        return IngestSettings.from(new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")).with(vars));
    }

    @Test
    void hasTheDocumentedDefaults() {
        IngestSettings s = from(Map.of());

        assertThat(s.httpHost()).isEqualTo("0.0.0.0");
        assertThat(s.httpPort()).isEqualTo(8081);
        assertThat(s.tokensFile()).isEmpty();
        assertThat(s.feedsFile()).isEmpty();
        assertThat(s.clockEnabled()).isTrue();
        assertThat(s.clockInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(s.maxFutureSkew()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsEveryVariable() {
        IngestSettings s = from(Map.of("VIGIA_HTTP_HOST", "127.0.0.1", "VIGIA_HTTP_PORT", "0", "VIGIA_CLOCK_ENABLED", "false",
                "VIGIA_CLOCK_INTERVAL", "1s", "VIGIA_MAX_BODY_BYTES", "4096", "VIGIA_MAX_FUTURE_SKEW", "30s"));

        assertThat(s.httpPort()).isZero();
        assertThat(s.clockEnabled()).isFalse();
        assertThat(s.clockInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.maxBodyBytes()).isEqualTo(4096);
        assertThat(s.maxFutureSkew()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aWrongValueNamesItsVariable() {
        assertThatThrownBy(() -> from(Map.of("VIGIA_TOKENS_FILE", "/no/such/tokens.yaml")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("VIGIA_TOKENS_FILE");
        assertThatThrownBy(() -> from(Map.of("VIGIA_FEEDS_FILE", "/no/such/feeds.yaml"))).hasMessageContaining("VIGIA_FEEDS_FILE");
        assertThatThrownBy(() -> from(Map.of("VIGIA_CLOCK_INTERVAL", "often"))).hasMessageContaining("VIGIA_CLOCK_INTERVAL");
        assertThatThrownBy(() -> from(Map.of("VIGIA_CLOCK_INTERVAL", "0s"))).hasMessageContaining("VIGIA_CLOCK_INTERVAL");
        assertThatThrownBy(() -> from(Map.of("VIGIA_MAX_BODY_BYTES", "12"))).hasMessageContaining("VIGIA_MAX_BODY_BYTES");
        assertThatThrownBy(() -> from(Map.of("VIGIA_CLOCK_ENABLED", "perhaps"))).hasMessageContaining("VIGIA_CLOCK_ENABLED");
        assertThatThrownBy(() -> from(Map.of("VIGIA_HTTP_PORT", "70000"))).hasMessageContaining("VIGIA_HTTP_PORT");
    }
}
