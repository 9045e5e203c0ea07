package org.vigia.processor.errors;

/** Told of every record sent to the dead-letter topic, with a low-cardinality reason (for metrics). */
@FunctionalInterface
public interface DeadLetterListener {
    void deadLettered(String reason);
}
