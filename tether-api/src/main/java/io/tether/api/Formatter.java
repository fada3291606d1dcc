package io.tether.api;

/**
 * Turns the raw value of an input into the value the action sees (e.g. a string into an
 * integer). Throwing marks the input invalid: the exception message becomes the error text.
 */
@FunctionalInterface
public interface Formatter {
    /** Formats a present (non-null) raw value. */
    Object format(Object value) throws Exception;

    /** Coerces any value to its string form, like JavaScript's {@code String(v)} for arrays. */
    static Formatter toStringValue() {
        return Values::asString;
    }

    /** Parses the value as an integer; values that do not parse become {@code null}. */
    static Formatter toInteger() {
        return Values::parseIntegerOrNull;
    }
}
