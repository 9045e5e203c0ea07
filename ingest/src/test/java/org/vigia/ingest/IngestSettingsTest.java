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
        assertThat(s.instanceId()).isNotBlank().matches("[A-Za-z0-9._-]{1,64}");
        assertThat(s.rateLimit()).isEqualTo(20.0);
        assertThat(s.rateBurst()).isEqualTo(40);
        assertThat(s.maxNewsWeight()).isEqualTo(3.0);
        assertThat(s.commitLinger()).isEqualTo(Duration.ofMillis(2));
        assertThat(s.commitMaxRecords()).isEqualTo(20_000);
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
        IngestSettings more = from(Map.of("VIGIA_INSTANCE_ID", "ingest-1", "VIGIA_RATE_LIMIT", "0.5", "VIGIA_RATE_BURST", "3",
                "VIGIA_MAX_NEWS_WEIGHT", "2", "VIGIA_COMMIT_LINGER", "5ms", "VIGIA_COMMIT_MAX_RECORDS", "1000"));
        assertThat(more.instanceId()).isEqualTo("ingest-1");
        assertThat(more.rateLimit()).isEqualTo(0.5);
        assertThat(more.rateBurst()).isEqualTo(3);
        assertThat(more.maxNewsWeight()).isEqualTo(2.0);
        assertThat(more.commitLinger()).isEqualTo(Duration.ofMillis(5));
        assertThat(more.commitMaxRecords()).isEqualTo(1000);
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
        assertThatThrownBy(() -> from(Map.of("VIGIA_INSTANCE_ID", "two words"))).hasMessageContaining("VIGIA_INSTANCE_ID");
        assertThatThrownBy(() -> from(Map.of("VIGIA_RATE_LIMIT", "-1"))).hasMessageContaining("VIGIA_RATE_LIMIT");
        assertThatThrownBy(() -> from(Map.of("VIGIA_MAX_NEWS_WEIGHT", "0"))).hasMessageContaining("VIGIA_MAX_NEWS_WEIGHT");
    }
}
