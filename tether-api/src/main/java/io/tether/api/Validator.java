package io.tether.api;

import java.util.function.Predicate;

/**
 * Checks a formatted input value. Returns {@code null} when the value is valid, otherwise
 * the message the client sees. An empty message means "failed without a message": the
 * client then sees {@code Input for parameter "<name>" failed validation!}.
 */
@FunctionalInterface
public interface Validator {
    /** Returns null when valid, else the failure message (may be empty). */
    String check(Object value) throws Exception;

    /** A validator from a predicate, failing with the given message. */
    static Validator of(Predicate<Object> valid, String message) {
        return value -> valid.test(value) ? null : message;
    }

    /** A validator from a predicate, failing with the generic message. */
    static Validator of(Predicate<Object> valid) {
        return of(valid, "");
    }

    /** Fails when the value's string form is shorter than {@code length} characters. */
    static Validator minLength(int length, String message) {
        return of(v -> Values.asString(v).length() >= length, message);
    }
}
