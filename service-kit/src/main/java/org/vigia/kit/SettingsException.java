package org.vigia.kit;

/** A setting is missing or malformed; the message names the environment variable. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
