package io.tether.server.jstp.auth;

import java.util.Optional;

/**
 * The authentication policy of a JSTP server: receives the strategy named in a
 * handshake ({@code login} or a custom one; never {@code anonymous} or {@code session},
 * which the server handles) and its credentials, and yields the username or nothing
 * ({@code [11]}). May block (it runs on a virtual thread), e.g. to hash a password.
 */
@FunctionalInterface
public interface JstpAuthenticator {
    /** The username for these credentials, or empty if they are not accepted. */
    Optional<String> authenticate(String strategy, Object credentials);

    /** A policy that accepts nothing (every {@code login} fails with {@code [11]}). */
    static JstpAuthenticator none() {
        return (strategy, credentials) -> Optional.empty();
    }
}
