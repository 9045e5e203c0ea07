package org.vigia.events;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes that belong to it, so nobody pairs a name with the wrong serde.
 *
 * @param config topic-level configuration applied when the topic is created
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> config) {
}
