package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void kafkaVariablesPassThroughAsClientProperties() {
        KafkaSettings s = KafkaSettings.from(new Env(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_HEAP_OPTS", "-Xmx1g")));
        assertThat(s.clientProperties())
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .doesNotContainKey("heap.opts");
    }

    @Test
    void overridesWinOverServiceDefaults() {
        KafkaSettings s = KafkaSettings.from(new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1", "KAFKA_LINGER_MS", "20")));
        assertThat(s.clientProperties(Map.of("linger.ms", "5", "acks", "all")))
                .containsEntry("linger.ms", "20").containsEntry("acks", "all");
    }

    @Test
    void defaultsAreSixPartitionsOneReplicaAndTheVigiaPrefix() {
        KafkaSettings s = KafkaSettings.from(new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1")));
        assertThat(s.partitions()).isEqualTo(6);
        assertThat(s.replicationFactor()).isEqualTo((short) 1);
        assertThat(s.topics().progress.name()).isEqualTo("vigia.progress");
    }

    @Test
    void bootstrapServersAreRequired() {
        assertThatThrownBy(() -> KafkaSettings.from(new Env(Map.of())))
                .isInstanceOf(SettingsException.class).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void aTopicPrefixWithIllegalCharactersIsRejected() {
        assertThatThrownBy(() -> KafkaSettings.from(new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "VIGIA_TOPIC_PREFIX", "vigia/"))))
                .hasMessageStartingWith("VIGIA_TOPIC_PREFIX may contain only");
    }
}
