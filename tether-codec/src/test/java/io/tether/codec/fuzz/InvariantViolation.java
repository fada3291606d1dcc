package io.tether.codec.fuzz;

/** A fuzz invariant that does not hold for an input: Jazzer reports it as a finding. */
final class InvariantViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    InvariantViolation(String message) {
        super(message);
    }

    InvariantViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
