package org.vigia.events;

/**
 * Who reported. AGENCY and IRM count toward official completion, CSO and IRM toward the
 * verified view: the Independent Reporting Mechanism is trusted by both sides.
 */
public enum Source {
    AGENCY, CSO, IRM;

    public boolean official() {
        return this != CSO;
    }

    public boolean verified() {
        return this != AGENCY;
    }
}
