package io.tether.core.auth;

import io.tether.api.ConnectionInfo;
import io.tether.api.Principal;
import java.util.Optional;

/**
 * Checks a user name and password: who they authenticate, or empty. May block (it runs in the
 * login action, on a virtual thread), e.g. to hash the password; {@code from} lets it throttle
 * failures per address.
 */
@FunctionalInterface
public interface CredentialCheck {
    /** The principal these credentials authenticate, or empty when they are not accepted. */
    Optional<Principal> check(String user, String password, ConnectionInfo from);
}
