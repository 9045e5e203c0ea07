package org.vigia.processor.errors;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Wires Kafka Streams' own dead-letter queue (KIP-1034): with
 * {@code errors.dead.letter.queue.topic.name} set, the built-in log-and-continue handlers
 * write the failed record's original key and bytes to that topic, with the exception, its
 * message (which names the field and rule) and the record's topic, partition and offset in
 * {@code __streams.errors.*} headers — and processing carries on.
 */
public final class DeadLetters {
    /** Config key under which a {@link DeadLetterListener} instance reaches the handlers. */
    public static final String LISTENER_CONFIG = "vigia.dead.letter.listener";

    private DeadLetters() {
    }

    public static void configure(Properties props, String deadLetterTopic, DeadLetterListener listener) {
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        if (listener != null) {
            props.put(LISTENER_CONFIG, listener);
        }
    }

    static DeadLetterListener listener(Map<String, ?> configs) {
        Object l = configs.get(LISTENER_CONFIG);
        return l instanceof DeadLetterListener listener ? listener : reason -> { };
    }
}
