package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void readsTypedValuesWithDefaults() {
        Env env = new Env(Map.of("PORT", "8081", "FLAG", "yes", "WAIT", "30s", "RATIO", "0.5"));
        assertThat(env.integer("PORT", 1, 0, 65535)).isEqualTo(8081);
        assertThat(env.integer("MISSING", 7, 0, 10)).isEqualTo(7);
        assertThat(env.bool("FLAG", false)).isTrue();
        assertThat(env.duration("WAIT", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
        assertThat(env.decimal("RATIO", 0, 0, 1)).isEqualTo(0.5);
    }

    @Test
    void durationsAcceptUnitsAndIsoForms() {
        assertThat(Env.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Env.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Env.parseDuration("4h")).isEqualTo(Duration.ofHours(4));
        assertThat(Env.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Env.parseDuration("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Env.parseDuration("soon")).isNull();
    }

    @Test
    void aMalformedIntegerNamesTheVariableAndTheRule() {
        Env env = new Env(Map.of("VIGIA_HTTP_PORT", "eighty"));
        assertThatThrownBy(() -> env.integer("VIGIA_HTTP_PORT", 8081, 0, 65535))
                .isInstanceOf(SettingsException.class)
                .hasMessage("VIGIA_HTTP_PORT must be an integer from 0 to 65535, was 'eighty'");
    }

    @Test
    void anOutOfRangeIntegerIsRejected() {
        Env env = new Env(Map.of("VIGIA_PARTITIONS", "0"));
        assertThatThrownBy(() -> env.integer("VIGIA_PARTITIONS", 6, 1, 1000))
                .hasMessageContaining("VIGIA_PARTITIONS must be an integer from 1 to 1000");
    }

    @Test
    void malformedBooleansDurationsAndFilesNameTheVariable() {
        Env env = new Env(Map.of("B", "maybe", "D", "forever", "F", "/nonexistent/tokens.yaml", "U", "ftp:x"));
        assertThatThrownBy(() -> env.bool("B", true)).hasMessageStartingWith("B must be true or false");
        assertThatThrownBy(() -> env.duration("D", Duration.ZERO)).hasMessageStartingWith("D must be a duration");
        assertThatThrownBy(() -> env.existingFile("F")).hasMessageStartingWith("F must name a readable file");
        assertThatThrownBy(() -> env.httpUrl("U")).hasMessageStartingWith("U must be an http(s) URL");
    }

    @Test
    void aMissingRequiredVariableIsNamed() {
        assertThatThrownBy(() -> new Env(Map.of()).required("KAFKA_BOOTSTRAP_SERVERS"))
                .hasMessage("KAFKA_BOOTSTRAP_SERVERS is required but not set");
    }

    @Test
    void overridesWinOverTheBaseEnvironment() {
        Env env = new Env(Map.of("A", "1", "B", "2")).with(Map.of("B", "3"));
        assertThat(env.string("A", null)).isEqualTo("1");
        assertThat(env.string("B", null)).isEqualTo("3");
    }
}
