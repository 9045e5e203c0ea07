package org.vigia.processor.query;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentState;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;
import org.vigia.processor.topology.rollup.Rollup;

/**
 * The list filters of the query API. A bad value is a 400 that names the parameter and rule.
 * Empty or absent means "any".
 */
public record Filters(String plan, String agency, String sector, CommitmentState state) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern AGENCY = Pattern.compile("[A-Z0-9_-]{1,32}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final String AGENCY_RULE = "must be an agency code ([A-Z0-9_-], 1 to 32 characters)";
    private static final String SLUG_RULE = "must be a sector slug (lower-case words joined by '-')";

    public static final Filters NONE = new Filters(null, null, null, null);

    public static Filters from(Context ctx) {
        return new Filters(plan(ctx), param(ctx, "agency", AGENCY, AGENCY_RULE), param(ctx, "sector", SLUG, SLUG_RULE),
                oneOf(ctx, "state", CommitmentState.class));
    }

    /** The alert timeline's filters: {@code plan}, {@code agency}, {@code type}, {@code asOf} and {@code limit}. */
    public static AlertQuery alerts(Context ctx, int defaultLimit, int maxLimit) {
        return new AlertQuery(plan(ctx), param(ctx, "agency", AGENCY, AGENCY_RULE),
                oneOf(ctx, "type", AlertType.class),
                asOf(ctx), limit(ctx, defaultLimit, maxLimit));
    }

    /** The group a series is asked for: {@code sector} for sectors, {@code agency} for agencies (null: all). */
    public static String group(Context ctx, Rollup.Kind kind) {
        return kind == Rollup.Kind.SECTOR ? param(ctx, "sector", SLUG, SLUG_RULE) : param(ctx, "agency", AGENCY,
                AGENCY_RULE);
    }

    /** {@code from} and {@code to} (dates, both optional), {@code from} not after {@code to} and less than
     * {@value GroupSeries#MAX_POINTS} days before it. */
    public static Days days(Context ctx) {
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                throw invalid("from", "must not be after to (" + from + " > " + to + ")");
            }
            if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= GroupSeries.MAX_POINTS) {
                throw invalid("to", "must be less than " + GroupSeries.MAX_POINTS + " days after from (" + from
                        + " to " + to + ")");
            }
        }
        return new Days(from, to);
    }

    /** A span of days, either end open (null). */
    public record Days(LocalDate from, LocalDate to) {
    }

    /** Only {@code plan}, for the roll-up and alert lists. */
    public static String plan(Context ctx) {
        return param(ctx, "plan", ID, "must be a plan id ([A-Za-z0-9._-], 1 to 64 characters)");
    }

    public static int limit(Context ctx, int defaultValue, int max) {
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid("limit", "must be an integer from 1 to " + max + " (was '" + raw + "')");
    }

    public boolean matches(CommitmentStatus s) {
        return (plan == null || plan.equals(s.planId())) && (agency == null || agency.equals(s.agency()))
                && (sector == null || sector.equals(s.sector())) && (state == null || state == s.state());
    }

    /** The filters on the registry entry: plan, agency, sector. */
    public boolean matchesRegistry(Commitment c) {
        return (plan == null || plan.equals(c.planId())) && (agency == null || agency.equals(c.agency()))
                && (sector == null || sector.equals(c.sector()));
    }

    public boolean matches(CommitmentState s) {
        return state == null || state == s;
    }

    /** {@code asOf=YYYY-MM-DD}: the day whose end a list describes, or null for now. */
    public static LocalDate asOf(Context ctx) {
        return date(ctx, "asOf");
    }

    public static LocalDate date(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a date YYYY-MM-DD (was '" + raw + "')");
        }
    }

    /** The filters as a query string, to pass to other instances. */
    public String toQuery() {
        StringBuilder q = new StringBuilder();
        append(q, "plan", plan);
        append(q, "agency", agency);
        append(q, "sector", sector);
        append(q, "state", state == null ? null : state.name());
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(q.isEmpty() ? "?" : "&").append(name).append('=').append(value);
        }
    }

    private static String param(Context ctx, String name, Pattern pattern, String rule) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!pattern.matcher(raw.trim()).matches()) {
            throw invalid(name, rule + " (was '" + raw + "')");
        }
        return raw.trim();
    }

    /** An enum parameter by its constant's name, in any case; absent or blank is null. */
    private static <E extends Enum<E>> E oneOf(Context ctx, String name, Class<E> type) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + " (was '" + raw + "')");
        }
    }

    private static ValidationException invalid(String field, String rule) {
        return new ValidationException(List.of(new Violation(field, rule)));
    }
}
