package org.vigia.kit;

import java.util.List;

/**
 * What {@code GET /ready} answers: not ready (503), ready (200), or ready but degraded (200,
 * with the reasons) — working, but something an operator should look at happened.
 */
public record Readiness(boolean ready, List<String> degraded) {

    public Readiness {
        degraded = degraded == null ? List.of() : List.copyOf(degraded);
    }

    public static Readiness of(boolean ready) {
        return new Readiness(ready, List.of());
    }

    public String status() {
        return !ready ? "NOT_READY" : degraded.isEmpty() ? "READY" : "DEGRADED";
    }
}
