package org.vigia.alerts;

import org.vigia.kit.ServiceRunner;

/**
 * Runs the alert service as a process, configured by environment variables (see the module
 * README): {@code java -jar vigia-alert-service-<version>-all.jar}.
 */
public final class AlertMain {
    private AlertMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.run("alert-service", env -> new AlertService(AlertSettings.from(env)));
    }
}
