package org.vigia.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects violations for one record. Each check names the field and states the rule in
 * the same words everywhere, so clients see a consistent vocabulary.
 */
final class Rules {
    static final IdPattern ID = new IdPattern("[A-Za-z0-9._-]{1,64}", IdPattern.alphanumeric(true) + "._-", 64);
    static final IdPattern UPDATE_ID = new IdPattern("[A-Za-z0-9._:-]{1,128}", IdPattern.alphanumeric(true) + "._:-", 128);
    static final IdPattern AGENCY = new IdPattern("[A-Z0-9_-]{1,32}", IdPattern.alphanumeric(false) + "_-", 32);
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<Violation> found = new ArrayList<>();
    private final String prefix;

    Rules() {
        this("");
    }

    private Rules(String prefix) {
        this.prefix = prefix;
    }

    List<Violation> result() {
        return List.copyOf(found);
    }

    Rules fail(String field, String rule) {
        found.add(new Violation(prefix + field, rule));
        return this;
    }

    /** Checks of a nested record, whose fields are reported under {@code field}. */
    Rules nested(String field, List<Violation> inner) {
        for (Violation v : inner) {
            found.add(new Violation(prefix + field + "." + v.field(), v.rule()));
        }
        return this;
    }

    boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            fail(field, "is required");
            return false;
        }
        return true;
    }

    Rules requiredText(String field, String value, int maxLength) {
        if (required(field, value)) {
            maxLength(field, value, maxLength);
        }
        return this;
    }

    Rules maxLength(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            fail(field, "must be at most " + maxLength + " characters (was " + value.length() + ")");
        }
        return this;
    }

    Rules matches(String field, String value, Pattern pattern, boolean required) {
        if (value == null) {
            if (required) {
                fail(field, "is required");
            }
        } else if (!pattern.matcher(value).matches()) {
            fail(field, "must match " + pattern.pattern());
        }
        return this;
    }

    Rules matches(String field, String value, IdPattern pattern, boolean required) {
        if (value == null) {
            if (required) {
                fail(field, "is required");
            }
        } else if (!pattern.matches(value)) {
            fail(field, "must match " + pattern);
        }
        return this;
    }

    Rules country(String field, String value) {
        if (required(field, value) && !COUNTRIES.contains(value)) {
            fail(field, "must be an ISO 3166-1 alpha-2 country code such as MX");
        }
        return this;
    }

    Rules range(String field, Number value, double min, double max) {
        if (value != null && (Double.isNaN(value.doubleValue()) || value.doubleValue() < min || value.doubleValue() > max)) {
            fail(field, "must be between " + fmt(min) + " and " + fmt(max) + " (was " + value + ")");
        }
        return this;
    }

    Rules positive(String field, Number value) {
        if (value != null && !(value.doubleValue() > 0)) {
            fail(field, "must be greater than 0 (was " + value + ")");
        }
        return this;
    }

    Rules nonNegative(String field, Number value) {
        if (value != null && value.doubleValue() < 0) {
            fail(field, "must not be negative (was " + value + ")");
        }
        return this;
    }

    Rules notBefore(String field, LocalDate value, String otherField, LocalDate other) {
        if (value != null && other != null && value.isBefore(other)) {
            fail(field, "must not be before " + otherField + " (" + value + " < " + other + ")");
        }
        return this;
    }

    /** A list of dates, each after the one before it (sorted and unique), at most {@code max} of them. */
    Rules ascendingDates(String field, List<LocalDate> dates, int max) {
        if (dates.size() > max) {
            fail(field, "must have at most " + max + " dates (had " + dates.size() + ")");
        }
        LocalDate previous = null;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            if (d == null) {
                fail(field + "[" + i + "]", "must be a date YYYY-MM-DD, not null");
                continue;
            }
            if (previous != null && !d.isAfter(previous)) {
                fail(field + "[" + i + "]", "must be after " + field + "[" + (i - 1) + "]: the dates must be sorted"
                        + " and unique (" + d + " follows " + previous + ")");
            }
            previous = d;
        }
        return this;
    }

    Rules httpUrl(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                fail(field, "is required");
            }
            return this;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                fail(field, "must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            fail(field, "must be an http or https URL");
        }
        return this;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
