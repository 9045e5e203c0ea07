package org.vigia.reliability.compare;

import java.util.Map;

/** One record of a dead-letter topic: which one, the original key and value, and its headers as text. */
public record DeadLetter(String topic, String key, byte[] value, Map<String, String> headers) {
    /** The first header that says why: its name mentions an error, exception or reason, and it is not empty. */
    public String reason() {
        return headers.entrySet().stream()
                .filter(h -> h.getKey().toLowerCase().matches(".*(error|exception|reason).*") && !h.getValue().isBlank())
                .filter(h -> !h.getKey().toLowerCase().contains("stacktrace"))
                .map(h -> h.getKey() + ": " + h.getValue()).findFirst().orElse(null);
    }
}
