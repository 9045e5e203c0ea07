package org.vigia.reliability.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who the suite's alert services email: one observatory per agency, a network with three
 * addresses (the one the SMTP server is told to refuse with 451, the one refused with 550, and
 * one that always works), a secretariat for the serious types and a press desk in English.
 * Every address is under {@code .example}.
 */
public final class Subscribers {
    /** The address the SMTP fault of the refusal scenario answers with 451 (try later). */
    public static final String TEMPORARY = "temporal@red-rendicion.example";
    /** The address it answers with 550 (no such mailbox). */
    public static final String PERMANENT = "rechazo@red-rendicion.example";

    private final Map<String, List<String>> emails;
    private final String yaml;

    private Subscribers(Map<String, List<String>> emails, String yaml) {
        this.emails = emails;
        this.yaml = yaml;
    }

    public static Subscribers forAgencies(List<String> agencies) {
        Map<String, List<String>> emails = new LinkedHashMap<>();
        StringBuilder y = new StringBuilder("subscriptions:\n");
        for (int i = 0; i < agencies.size(); i++) {
            String code = agencies.get(i);
            String id = "obs-" + code.toLowerCase(Locale.ROOT);
            String address = "alertas@" + id + ".example";
            emails.put(id, List.of(address));
            y.append("  - name: Observatorio ").append(code).append("\n    id: ").append(id)
                    .append("\n    emails: [").append(address).append("]\n    language: ").append(i % 3 == 0 ? "en" : "es")
                    .append("\n    match: { agencies: [").append(code).append("] }\n    delivery: immediate\n");
        }
        List<String> red = List.of("enlace@red-rendicion.example", TEMPORARY, PERMANENT);
        emails.put("red-rendicion", red);
        y.append("""
                  - name: Red por la Rendición de Cuentas
                    id: red-rendicion
                    emails: [%s]
                    language: es
                    match: { agencies: [%s, %s], minSeverity: WARNING }
                    delivery: immediate
                  - name: Secretariado Técnico
                    id: secretariado
                    emails: [secretariado@gobierno-abierto.example]
                    language: es
                    match: { types: [OVERDUE, SENSITIVITY_SPIKE], minSeverity: WARNING }
                    delivery: immediate
                  - name: Press desk
                    id: press
                    emails: [desk@press.example, editor@press.example]
                    language: en
                    match: { types: [SCOPE_REDUCED, SENSITIVITY_SPIKE] }
                    delivery: immediate
                """.formatted(String.join(", ", red), agencies.get(0), agencies.get(1)));
        emails.put("secretariado", List.of("secretariado@gobierno-abierto.example"));
        emails.put("press", List.of("desk@press.example", "editor@press.example"));
        return new Subscribers(emails, y.toString());
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Subscriber id → its addresses. */
    public Map<String, List<String>> emails() {
        return emails;
    }

    public List<String> allAddresses() {
        List<String> all = new ArrayList<>();
        emails.values().forEach(all::addAll);
        return all;
    }
}
