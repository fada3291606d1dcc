package io.tether.api;

import java.time.Instant;
import java.util.Optional;

/**
 * What every handler run can see, whatever its kind (an {@link ActionContext action} or a
 * JSTP-native {@link MethodContext method}) and whatever the protocol that carried the call:
 * the caller's session, the room service, the cache and the run's deadline. Middleware
 * receives this base type; one that needs an action's params checks
 * {@code context instanceof ActionContext}. One instance per run; not shared.
 */
public interface CallContext {
    /** What runs, for logs and metrics: the action name, or {@code iface.method} for a method. */
    String name();

    /** Identity and address of the calling connection. */
    ConnectionInfo connection();

    /** The caller's session: principal, user data, events to the client, close. */
    SessionHandle session();

    /** The authenticated user of the caller's session, or empty (shorthand for {@code session().principal()}). */
    default Optional<Principal> principal() {
        return session().principal();
    }

    /**
     * The calling client as a {@link io.tether.api.jstp.JstpPeer} when the call came over JSTP
     * (the server can call it back, inspect and ping it), else empty. Shorthand for
     * {@code session().jstpPeer()}.
     */
    default Optional<io.tether.api.jstp.JstpPeer> jstpPeer() {
        return session().jstpPeer();
    }

    /** The room service. */
    Rooms rooms();

    /** The cache. */
    Cache cache();

    /** When this run's deadline expires (a blocking run is interrupted then). */
    Instant deadline();
}
