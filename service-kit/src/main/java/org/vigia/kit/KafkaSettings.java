package org.vigia.kit;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigia.events.Topics;

/**
 * Kafka settings shared by every service. Any variable {@code KAFKA_X_Y} becomes the client
 * property {@code x.y} (so {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL} reaches every client);
 * {@code KAFKA_BOOTSTRAP_SERVERS} is the one that must be set.
 */
public record KafkaSettings(
        String bootstrapServers,
        Topics topics,
        int partitions,
        short replicationFactor,
        Map<String, Object> clientOverrides) {

    /** Variables of the {@code KAFKA_} family that configure images and scripts, not clients. */
    private static final Set<String> NOT_CLIENT_PROPERTIES = Set.of(
            "KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS",
            "KAFKA_HOME", "KAFKA_VERSION", "KAFKA_DEBUG", "KAFKA_GC_LOG_OPTS");

    public static KafkaSettings from(Env env) {
        String bootstrap = env.required("KAFKA_BOOTSTRAP_SERVERS");
        String prefix = env.string("VIGIA_TOPIC_PREFIX", Topics.DEFAULT_PREFIX);
        if (!prefix.matches("[A-Za-z0-9._-]*")) {
            throw new SettingsException("VIGIA_TOPIC_PREFIX may contain only letters, digits, '.', '_' and '-', was '" + prefix + "'");
        }
        int partitions = env.integer("VIGIA_PARTITIONS", 6, 1, 1000);
        int replication = env.integer("VIGIA_REPLICATION_FACTOR", 1, 1, 32);
        Map<String, Object> overrides = new HashMap<>();
        env.asMap().forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !NOT_CLIENT_PROPERTIES.contains(name) && value != null && !value.isBlank()) {
                overrides.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value.trim());
            }
        });
        return new KafkaSettings(bootstrap, new Topics(prefix), partitions, (short) replication, Map.copyOf(overrides));
    }

    /** Properties common to every client: bootstrap servers and the pass-through overrides. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>(clientOverrides);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    /** Client properties with service-specific defaults that pass-through overrides still win over. */
    public Map<String, Object> clientProperties(Map<String, Object> defaults) {
        Map<String, Object> props = new HashMap<>(defaults);
        props.putAll(clientProperties());
        return props;
    }
}
