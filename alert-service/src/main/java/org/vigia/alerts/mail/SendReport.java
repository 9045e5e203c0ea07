package org.vigia.alerts.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the SMTP server answered for each recipient of one email. A temporary answer (a 4xx,
 * a connection or authentication problem) means try that address again later; a permanent one
 * (a 5xx) means it will never take this email.
 */
public record SendReport(Map<String, Outcome> byAddress) {

    public enum Result { ACCEPTED, TEMPORARY, PERMANENT }

    /**
     * @param reason the server's answer or the error, with addresses removed (for the delivery log)
     * @param tag a low-cardinality label for metrics: {@code accepted}, {@code connection},
     *            {@code auth}, {@code smtp} (4xx) or {@code rejected} (5xx)
     * @param code the SMTP reply code when the server gave one, else 0
     */
    public record Outcome(Result result, String reason, String tag, int code) {
        public static final Outcome ACCEPTED = new Outcome(Result.ACCEPTED, null, "accepted", 250);
    }

    public SendReport {
        byAddress = Map.copyOf(byAddress);
    }

    /** The same outcome for every recipient (the whole transaction succeeded or failed). */
    public static SendReport all(List<String> addresses, Outcome outcome) {
        Map<String, Outcome> map = new LinkedHashMap<>();
        addresses.forEach(a -> map.put(a, outcome));
        return new SendReport(map);
    }

    public Outcome of(String address) {
        Outcome o = byAddress.get(address);
        return o == null ? new Outcome(Result.TEMPORARY, "no answer for this recipient", "smtp", 0) : o;
    }

    public boolean anyAccepted() {
        return byAddress.values().stream().anyMatch(o -> o.result() == Result.ACCEPTED);
    }
}
