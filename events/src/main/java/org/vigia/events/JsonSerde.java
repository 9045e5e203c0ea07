package org.vigia.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one wire record. The deserializer validates: a record that breaks the
 * contract raises {@link SerializationException} with the violations as its message, so
 * Kafka Streams' deserialization handler can route it to the dead-letter topic.
 * A {@code null} payload is a tombstone and reads as {@code null}.
 */
public final class JsonSerde<T extends Validated> implements Serde<T> {
    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    public Class<T> type() {
        return type;
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
                return Json.read(bytes, type);
            } catch (ValidationException e) {
                throw new SerializationException(type.getSimpleName() + " on " + topic + " rejected: " + e.getMessage(), e);
            }
        };
    }
}
