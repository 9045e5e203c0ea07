package org.vigia.alerts.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.vigia.events.Json;

/** JSON (Jackson, the wire mapper: unknown fields ignored) for the alert service's own store and repartition values. */
final class JsonValueSerde<T> implements Serde<T> {
    private static final ObjectMapper JSON = Json.wire();
    private final Class<T> type;

    JsonValueSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : Json.write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return JSON.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read a " + type.getSimpleName() + " from " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
