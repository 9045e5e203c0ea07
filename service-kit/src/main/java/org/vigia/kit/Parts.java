package org.vigia.kit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running parts of a service, in the order they were started, so that {@link #close()}
 * stops them in reverse: what was started last (the HTTP server answering on top of a Kafka
 * client, a poller writing through a producer) stops first, and nothing is used after what it
 * depends on has gone. A service adds each part right after it started, so a start that fails
 * half-way closes exactly what had started. Closing goes on past a part that fails to stop
 * (logged with the part's name) and happens once, however often it is asked for.
 *
 * <pre>
 *   HttpServer http = parts.add("http", HttpServer.start(...));
 *   parts.add("gauges", gauges::shutdownNow);
 *   ...
 *   parts.close(); // gauges, then http
 * </pre>
 */
public final class Parts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Parts.class);

    private final String service;
    private final Deque<Part> running = new ArrayDeque<>();
    private boolean closed;

    private record Part(String name, AutoCloseable closer) {
    }

    public Parts(String service) {
        this.service = service;
    }

    /**
     * Runs a service's start; if it fails half-way, closes the service (which closes what had
     * started) and rethrows, so a failed start leaves no consumer, producer or port behind.
     */
    public static void startOrClose(Service service, Runnable start) {
        try {
            start.run();
        } catch (RuntimeException | Error e) {
            try {
                service.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Registers a part that has started; returns it, for the caller to keep. */
    public synchronized <T extends AutoCloseable> T add(String name, T part) {
        if (closed) {
            throw new IllegalStateException(service + " is stopped: cannot add " + name);
        }
        running.push(new Part(name, part));
        return part;
    }

    /** Registers how to stop a part that is not itself {@link AutoCloseable} (an executor, a registry). */
    public synchronized void onClose(String name, AutoCloseable closer) {
        add(name, closer);
    }

    /** How many parts are running. */
    public synchronized int size() {
        return running.size();
    }

    /** Stops every part, last started first; a part that fails to stop is logged and the rest still stop. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!running.isEmpty()) {
            Part part = running.pop();
            try {
                part.closer().close();
            } catch (Exception e) {
                log.warn("{}: error while stopping {}: {}", service, part.name(), e.toString());
            } catch (Error e) {
                log.error("{}: error while stopping {}", service, part.name(), e);
                throw e;
            }
        }
    }
}
