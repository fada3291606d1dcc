package io.tether.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A client connecting, as the {@link ConnectionPolicy} sees it: the connection (id, protocol,
 * remote address and port) and the principal the transport itself established, e.g. from a
 * verified TLS client certificate (empty on a plain listener).
 *
 * @param connection         identity and address of the new connection
 * @param transportPrincipal who the transport authenticated the peer as, or empty
 */
public record ConnectAttempt(ConnectionInfo connection, Optional<Principal> transportPrincipal) {
    /** Validates. */
    public ConnectAttempt {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(transportPrincipal, "transportPrincipal");
    }
}
