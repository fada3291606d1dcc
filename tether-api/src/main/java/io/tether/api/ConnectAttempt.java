package io.tether.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A client connecting, as the {@link ConnectionPolicy} sees it: the connection (id, protocol,
 * remote address and port), the principal the transport itself established, e.g. from a
 * verified TLS client certificate (empty on a plain listener), and whether the client is
 * restoring an existing session rather than opening a new one.
 *
 * <p>A JSTP restore ({@code {handshake:[0,'app'],session:['<token>',n]}}) is asked too: then
 * {@link #restore()} is true, {@link #connection()} is the new connection (the address and
 * port the restore comes from; its id is the session's connection id when the session is on
 * this node, a new one when it comes from another node) and {@link #sessionPrincipal()} is who the
 * session already is (from its login, an action or the admission it was opened with). A
 * policy can so keep a refused address or a revoked certificate out even when the client
 * holds a session token, or refuse a restore whose certificate names someone else:
 *
 * <pre>{@code
 * ConnectionPolicy policy = attempt -> attempt.restore()
 *         && attempt.transportPrincipal().isPresent()
 *         && !attempt.transportPrincipal().map(Principal::name).equals(attempt.sessionPrincipal().map(Principal::name))
 *         ? Admission.refuse("certificate does not match the session") : Admission.accept();
 * }</pre>
 *
 * @param connection         identity and address of the connection
 * @param transportPrincipal who the transport authenticated the peer as, or empty
 * @param restore            true for a restore of an existing session (JSTP), false for a new
 *                           connection or session
 * @param sessionPrincipal   at a restore, the principal the session has (empty if it is
 *                           anonymous); always empty for a new connection
 */
public record ConnectAttempt(ConnectionInfo connection, Optional<Principal> transportPrincipal, boolean restore,
                             Optional<Principal> sessionPrincipal) {
    /** Validates. */
    public ConnectAttempt {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(transportPrincipal, "transportPrincipal");
        Objects.requireNonNull(sessionPrincipal, "sessionPrincipal");
        if (!restore && sessionPrincipal.isPresent()) {
            throw new IllegalArgumentException("only a restore has a session principal");
        }
    }

    /** A new connection or session (not a restore). */
    public ConnectAttempt(ConnectionInfo connection, Optional<Principal> transportPrincipal) {
        this(connection, transportPrincipal, false, Optional.empty());
    }

    /**
     * A restore of an existing session over {@code connection}.
     *
     * @param sessionPrincipal the principal the session has, or empty
     */
    public static ConnectAttempt restoring(ConnectionInfo connection, Optional<Principal> transportPrincipal,
                                           Optional<Principal> sessionPrincipal) {
        return new ConnectAttempt(connection, transportPrincipal, true, sessionPrincipal);
    }
}
