package org.vigia.reliability.scenario;

/** One scenario-specific check (the survivor answered every key, each pill was dead-lettered, …). */
public record Check(String what, boolean ok, String detail) {
    @Override
    public String toString() {
        return (ok ? "ok    " : "FAILED") + "  " + what + ": " + detail;
    }
}
