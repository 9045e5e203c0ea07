package org.vigia.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigia.kit.Env;
import org.vigia.kit.SettingsException;

class ProcessorSettingsTest {
    private static final Env BASE = new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));

    @Test
    void defaultsFollowTheDesign() {
        ProcessorSettings s = ProcessorSettings.from(BASE);
        assertThat(s.httpHost()).isEqualTo("0.0.0.0");
        assertThat(s.httpPort()).isEqualTo(8082);
        assertThat(s.applicationId()).isEqualTo("vigia-stream-processor");
        assertThat(s.thresholds().stallAfterDays()).isEqualTo(90);
        assertThat(s.thresholds().disputePoints()).isEqualTo(25.0);
        assertThat(s.thresholds().atRiskMinElapsed()).isEqualTo(0.10);
        assertThat(s.thresholds().heatThreshold()).isEqualTo(3.0);
        assertThat(s.thresholds().heatHalfLife()).isEqualTo(Duration.ofDays(30));
        assertThat(s.maxTaskIdle()).isEqualTo(Duration.ZERO);
        assertThat(s.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.advertisedHost()).isEmpty();
        assertThat(s.grace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.standbyReplicas()).isEqualTo(1);
        assertThat(s.historyRetention()).isEqualTo(Duration.ofDays(3650));
        assertThat(s.rocksDbMemoryMb()).isEqualTo(256);
        assertThat(s.rocksDbWriteBufferMb()).isEqualTo(128);
    }

    @Test
    void theMemoryAndTheGraceAreCheckedAndIPv6AdvertisedHostsAreAccepted() {
        assertThatThrownBy(() -> ProcessorSettings.from(BASE.with(Map.of("VIGIA_ROCKSDB_MEMORY_MB", "64",
                "VIGIA_ROCKSDB_WRITE_BUFFER_MB", "64")))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("VIGIA_ROCKSDB_WRITE_BUFFER_MB must be less than VIGIA_ROCKSDB_MEMORY_MB");
        assertThatThrownBy(() -> ProcessorSettings.from(BASE.with(Map.of("VIGIA_GRACE", "-5s"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("VIGIA_GRACE");
        assertThat(ProcessorSettings.from(BASE.with(Map.of("VIGIA_ADVERTISED_HOST", "[fd00::5]:8082")))
                .advertisedHost()).contains("[fd00::5]:8082");
    }

    @Test
    void aWrongValueFailsNamingTheVariable() {
        assertThatThrownBy(() -> ProcessorSettings.from(BASE.with(Map.of("VIGIA_STALL_AFTER_DAYS", "soon"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("VIGIA_STALL_AFTER_DAYS");
        assertThatThrownBy(() -> ProcessorSettings.from(BASE.with(Map.of("VIGIA_ADVERTISED_HOST", "no-port"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("VIGIA_ADVERTISED_HOST");
        assertThatThrownBy(() -> ProcessorSettings.from(BASE.with(Map.of("VIGIA_HEAT_THRESHOLD", "-1"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("VIGIA_HEAT_THRESHOLD");
    }

    @Test
    void taskIdlingCanBeTurnedOffOrGivenADuration() {
        assertThat(ProcessorSettings.from(BASE.with(Map.of("VIGIA_MAX_TASK_IDLE", " OFF "))).maxTaskIdle().toMillis())
                .isEqualTo(-1);
        assertThat(ProcessorSettings.from(BASE.with(Map.of("VIGIA_MAX_TASK_IDLE", "2s"))).maxTaskIdle())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(ProcessorSettings.from(BASE.with(Map.of("VIGIA_MAX_TASK_IDLE", "0ms"))).maxTaskIdle())
                .isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> ProcessorSettings.from(BASE.with(Map.of("VIGIA_MAX_TASK_IDLE", "never"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("VIGIA_MAX_TASK_IDLE must be off or a duration");
        assertThatThrownBy(() -> ProcessorSettings.from(BASE.with(Map.of("VIGIA_MAX_TASK_IDLE", "-1s"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("VIGIA_MAX_TASK_IDLE");
    }

    @Test
    void thresholdsAreConfigurable() {
        ProcessorSettings s = ProcessorSettings.from(BASE.with(Map.of("VIGIA_STALL_AFTER_DAYS", "60",
                "VIGIA_HEAT_HALF_LIFE_DAYS", "15", "VIGIA_ADVERTISED_HOST", "processor-1:8082")));
        assertThat(s.thresholds().stallAfterDays()).isEqualTo(60);
        assertThat(s.thresholds().heatHalfLife()).isEqualTo(Duration.ofDays(15));
        assertThat(s.advertisedHost()).contains("processor-1:8082");
    }
}
