package io.tether.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input validation failed. Carries every failure, keyed by input name, in declaration
 * order; the message is the first failure (what the socket protocol reports): a missing
 * required input wins over a validator failure.
 */
public final class ValidationException extends TetherException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> failures;

    /** Creates the exception; {@code failures} must not be empty. */
    public ValidationException(ErrorCode code, String message, Map<String, String> failures) {
        super(code, message);
        this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** Input name to failure message, in declaration order. */
    public Map<String, String> failures() {
        return failures;
    }
}
