package org.vigia.kit;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Typed reads of environment variables, the one place every service reads its settings.
 * Every failure names the variable, the rule and the value seen.
 */
public final class Env {
    private final Map<String, String> vars;

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** The same variables with some overridden, e.g. by the local stack. */
    public Env with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(vars);
        merged.putAll(overrides);
        return new Env(merged);
    }

    public Map<String, String> asMap() {
        return vars;
    }

    public Optional<String> optional(String name) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new SettingsException(name + " is required but not set"));
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(raw.get());
            if (v < min || v > max) {
                throw new SettingsException(name + " must be an integer from " + min + " to " + max + ", was '" + raw.get() + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " must be an integer from " + min + " to " + max + ", was '" + raw.get() + "'");
        }
    }

    public double decimal(String name, double defaultValue, double min, double max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            double v = Double.parseDouble(raw.get());
            if (!(v >= min && v <= max)) {
                throw new SettingsException(name + " must be a number from " + min + " to " + max + ", was '" + raw.get() + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " must be a number from " + min + " to " + max + ", was '" + raw.get() + "'");
        }
    }

    public boolean bool(String name, boolean defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new SettingsException(name + " must be true or false, was '" + raw.get() + "'");
        };
    }

    /** A duration as ISO-8601 ({@code PT30S}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 1d}. */
    public Duration duration(String name, Duration defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Duration d = parseDuration(raw.get());
        if (d == null || d.isNegative()) {
            throw new SettingsException(name + " must be a duration such as 500ms, 30s, 5m, 4h, 1d or PT30S, was '" + raw.get() + "'");
        }
        return d;
    }

    /** A duration as people write it ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 1d}, ISO-8601), or null. */
    public static Duration parseDuration(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> null;
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** A file that must exist when the variable is set. */
    public Optional<Path> existingFile(String name) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Path p = Path.of(raw.get());
        if (!Files.isRegularFile(p)) {
            throw new SettingsException(name + " must name a readable file, '" + raw.get() + "' does not exist");
        }
        return Optional.of(p);
    }

    public Optional<URI> httpUrl(String name) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(raw.get());
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(name + " must be an http(s) URL, was '" + raw.get() + "'");
        }
    }
}
