package org.vigia.processor.topology;

/**
 * A record that parsed but cannot be processed (e.g. its key disagrees with its body). Thrown
 * before any state is touched, so the processing exception handler can send it to the
 * dead-letter topic and carry on.
 */
public class RejectedRecordException extends RuntimeException {
    public RejectedRecordException(String message) {
        super(message);
    }
}
