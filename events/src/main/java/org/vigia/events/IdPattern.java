package org.vigia.events;

import java.util.regex.Pattern;

/**
 * An id rule of the contract — one to {@code maxLength} characters, each from a fixed set,
 * such as {@code [A-Za-z0-9._-]{1,64}} — checked character by character instead of by a
 * regular expression: ids are checked on every record read or written, and the regex was
 * about 7 % of ingest's CPU. {@link #toString()} is the rule as a regular expression, which is
 * what an error message states; a test checks that the two agree.
 */
final class IdPattern {
    private final String regex;
    private final boolean[] allowed = new boolean[128];
    private final int maxLength;

    /** {@code allowedChars} are ASCII; {@code regex} says the same as {@code [allowedChars]{1,maxLength}}. */
    IdPattern(String regex, String allowedChars, int maxLength) {
        this.regex = regex;
        this.maxLength = maxLength;
        for (int i = 0; i < allowedChars.length(); i++) {
            allowed[allowedChars.charAt(i)] = true;
        }
    }

    static String alphanumeric(boolean lowerCase) {
        return (lowerCase ? "abcdefghijklmnopqrstuvwxyz" : "") + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    }

    boolean matches(String value) {
        int n = value.length();
        if (n < 1 || n > maxLength) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 128 || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    /** The same rule as a compiled regular expression (for tests). */
    Pattern asRegex() {
        return Pattern.compile(regex);
    }

    @Override
    public String toString() {
        return regex;
    }
}
