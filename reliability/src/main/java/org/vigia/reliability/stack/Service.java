package org.vigia.reliability.stack;

import java.net.URI;
import java.time.Duration;
import org.vigia.reliability.process.ReadyProbe;
import org.vigia.reliability.process.ServiceProcess;

/** One service process of the stack and where its HTTP API answers. */
public record Service(ServiceProcess process, URI url) {
    public String name() {
        return process.name();
    }

    public void awaitReady(Duration timeout) {
        ReadyProbe.await(process, url, timeout);
    }

    /** {@code kill -9}, then nothing: the caller decides when to {@link #restart}. */
    public void kill9() {
        process.kill9();
    }

    /** Starts it again with the same environment, ports and data folder, and waits for {@code /ready}. */
    public void restart(Duration timeout) {
        process.restart();
        awaitReady(timeout);
    }
}
