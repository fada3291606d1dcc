package io.tether.api;

/**
 * Who may run an {@link Action}: declared per action with {@link Action.Builder#authenticated()}
 * or {@link Action.Builder#anonymous()}; {@link #DEFAULT} follows the server-wide setting
 * ({@code actions.require-authentication}, off unless configured). A call that needs a principal
 * from a session without one is refused with {@link ErrorCode#NOT_AUTHENTICATED} ("authentication
 * required") before its inputs are validated and before any middleware runs.
 */
public enum Access {
    /** Follows the server-wide default: authenticated only when the server requires it. */
    DEFAULT,
    /** Only sessions with a principal may run the action. */
    AUTHENTICATED,
    /** Anyone may run the action, even when the server requires authentication (e.g. {@code login}). */
    ANONYMOUS;

    /** Whether a call needs a principal, given the server-wide default. */
    public boolean requiresPrincipal(boolean serverDefault) {
        return this == AUTHENTICATED || this == DEFAULT && serverDefault;
    }
}
