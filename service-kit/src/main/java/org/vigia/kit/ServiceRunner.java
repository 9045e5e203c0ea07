package org.vigia.kit;

import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a service as a process: start, wait, stop cleanly on SIGTERM or Ctrl-C. */
public final class ServiceRunner {
    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    /** Builds the service from the process environment and runs it until the JVM is asked to stop. */
    public static void run(String name, Function<Env, Service> factory) {
        Service service;
        try {
            service = factory.apply(Env.system());
        } catch (SettingsException e) {
            System.err.println(name + ": configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("{} stopping", name);
            try {
                service.close();
            } finally {
                stopped.countDown();
            }
            log.info("{} stopped", name);
        }, name + "-shutdown"));
        try {
            service.start();
        } catch (RuntimeException e) {
            log.error("{} failed to start: {}", name, e.getMessage(), e);
            System.exit(1);
        }
        log.info("{} started", name);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
