package io.tether.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ConnectionPolicy}'s decision on a connection, a new session or a session's
 * restore: accept (optionally as a principal) or refuse with a reason. Immutable.
 *
 * <pre>{@code
 * ConnectionPolicy policy = attempt -> attempt.connection().remoteIp().startsWith("10.")
 *         ? Admission.accept(Principal.named("internal"))
 *         : Admission.accept();
 * }</pre>
 */
public final class Admission {
    private static final Admission ACCEPT = new Admission(null, null);

    private final Principal principal;
    private final String refusal;

    private Admission(Principal principal, String refusal) {
        this.principal = principal;
        this.refusal = refusal;
    }

    /**
     * Accepts; a new session starts with the transport's principal if it has one (a TLS client
     * certificate), else anonymous. At a restore ({@link ConnectAttempt#restore()}) the session
     * keeps the principal it has ({@link ConnectAttempt#sessionPrincipal()}, or none): the
     * transport's does not replace it.
     */
    public static Admission accept() {
        return ACCEPT;
    }

    /**
     * Accepts, the session starting authenticated as {@code principal}. At a restore the
     * session becomes {@code principal} (it replaces the session's own, e.g. one from a login):
     * return {@link #accept()} to let it continue as who it is.
     */
    public static Admission accept(Principal principal) {
        return new Admission(Objects.requireNonNull(principal, "principal"), null);
    }

    /**
     * Refuses: the socket protocol answers one error line with {@code reason} and closes, JSTP
     * answers the handshake (a new session's or a restore's) with error {@code [11]} and closes,
     * a policy-checked HTTP resource answers 403. A refused restore leaves the session as it
     * was (its owner can still restore it from a connection the policy accepts). The reason is
     * also logged (at debug), so it must not carry secrets.
     */
    public static Admission refuse(String reason) {
        return new Admission(null, reason == null || reason.isEmpty() ? "connection refused" : reason);
    }

    /** Whether the connection may proceed. */
    public boolean accepted() {
        return refusal == null;
    }

    /** The principal the policy chose, or empty (then the transport's, if any, applies). */
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    /** Why the connection was refused (null when accepted). */
    public String reason() {
        return refusal;
    }

    @Override
    public String toString() {
        return accepted() ? "accept" + (principal == null ? "" : "(" + principal.name() + ")") : "refuse(" + refusal + ")";
    }
}
