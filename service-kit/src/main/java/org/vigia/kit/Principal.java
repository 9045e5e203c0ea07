package org.vigia.kit;

import java.util.Locale;

/**
 * Who a token speaks for: {@code admin}, {@code agency:SCT}, {@code cso:CIDAC}, {@code irm}
 * or {@code news}. The name after the colon is the agency code or the organisation.
 */
public record Principal(Role role, String name) {

    public enum Role { ADMIN, AGENCY, CSO, IRM, NEWS }

    public static Principal parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("principal is required");
        }
        String[] parts = text.trim().split(":", 2);
        Role role;
        try {
            role = Role.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("principal must be admin, irm, news, agency:<CODE> or cso:<NAME>, was '" + text + "'");
        }
        boolean needsName = role == Role.AGENCY || role == Role.CSO;
        if (needsName && (parts.length < 2 || parts[1].isBlank())) {
            throw new IllegalArgumentException("principal " + parts[0] + " needs a name after ':', was '" + text + "'");
        }
        if (!needsName && parts.length > 1) {
            throw new IllegalArgumentException("principal " + parts[0] + " takes no name, was '" + text + "'");
        }
        return new Principal(role, needsName ? parts[1].trim() : null);
    }

    @Override
    public String toString() {
        return name == null ? role.name().toLowerCase(Locale.ROOT) : role.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
