package io.tether.server.jstp;

/**
 * npm's {@code semver.valid} test, as one left-to-right scan in linear time: optional
 * whitespace, any {@code v}/{@code =} prefix characters, optional whitespace, then
 * {@code major.minor.patch} with an optional {@code -prerelease} and {@code +build} of
 * {@code [0-9A-Za-z.-]}, then optional whitespace. Whitespace is Java regex {@code \s}.
 */
final class ExactVersion {
    private final String s;
    private int i;

    private ExactVersion(String s) {
        this.s = s;
    }

    /** Whether {@code version} is a full version in npm's loose sense (see the class comment). */
    static boolean isValid(String version) {
        return new ExactVersion(version).scan();
    }

    private boolean scan() {
        skipSpaces();
        while (i < s.length() && (s.charAt(i) == 'v' || s.charAt(i) == '=')) {
            i++;
        }
        skipSpaces();
        if (!digits() || !dot() || !digits() || !dot() || !digits()) {
            return false;
        }
        if (i < s.length() && s.charAt(i) == '-' && !identifiers()) {
            return false;
        }
        if (i < s.length() && s.charAt(i) == '+' && !identifiers()) {
            return false;
        }
        skipSpaces();
        return i == s.length();
    }

    private void skipSpaces() {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
    }

    private boolean digits() {
        int from = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > from;
    }

    private boolean dot() {
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            return true;
        }
        return false;
    }

    /** Skips the {@code -} or {@code +} at {@code i} and at least one {@code [0-9A-Za-z.-]}. */
    private boolean identifiers() {
        int from = ++i;
        while (i < s.length() && isIdentifierChar(s.charAt(i))) {
            i++;
        }
        return i > from;
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
