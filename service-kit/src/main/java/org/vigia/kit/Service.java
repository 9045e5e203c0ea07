package org.vigia.kit;

/**
 * The lifecycle every Vigía service shares: build from settings, {@link #start()} returns
 * once the service is really ready to work, {@link #close()} stops it within a bounded time.
 */
public interface Service extends AutoCloseable {

    void start();

    /** Kafka reachable and state restored: what {@code GET /ready} reports. */
    boolean ready();

    @Override
    void close();
}
