package io.tether.core.auth;

import io.tether.api.Admission;
import io.tether.api.ConnectAttempt;
import io.tether.api.ConnectionInfo;
import io.tether.api.ConnectionPolicy;
import io.tether.api.Principal;
import io.tether.core.session.Session;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect-time side of authentication, one for every protocol: asks the application's
 * {@link ConnectionPolicy} about a new session and sets the principal it starts with — the
 * policy's, else the transport's (a TLS client certificate), else none. Protocol adapters call
 * {@link #admit} once per connection (socket: on connect; JSTP: at the handshake),
 * {@link #admitRestore} at each restore of a session (JSTP) and {@link #admitRequest} for a
 * policy-checked HTTP request. One per core;
 * thread-safe (the policy must be).
 */
public final class Authentication {
    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);

    private final ConnectionPolicy policy;
    private final boolean acceptsAll;

    /** Authentication with this connect-time policy. */
    public Authentication(ConnectionPolicy policy) {
        this.policy = policy;
        this.acceptsAll = policy == null;
    }

    /** Accepts every connection (no policy). */
    public static Authentication acceptAll() {
        return new Authentication(null);
    }

    /**
     * Decides a new session and sets its starting principal (only when the policy or the
     * transport names one: an existing principal, e.g. from a JSTP login, is kept when neither
     * does). Never throws: a policy that fails refuses the connection.
     *
     * @param transportPrincipal who the transport authenticated the peer as (TLS client
     *                           certificate), or empty
     * @return null when admitted, else the reason of the refusal
     */
    public String admit(Session session, Optional<Principal> transportPrincipal) {
        if (acceptsAll && transportPrincipal.isEmpty()) {
            return null;
        }
        Admission decision = acceptsAll ? Admission.accept()
                : decide(new ConnectAttempt(session.info(), transportPrincipal), session);
        if (!decision.accepted()) {
            return decision.reason();
        }
        Principal who = decision.principal().or(() -> transportPrincipal).orElse(null);
        if (who != null) {
            session.principal(who);
        }
        return null;
    }

    /**
     * Decides the restore of an existing session over a new connection: the policy sees
     * {@link ConnectAttempt#restore()} set, {@code connection} (the new connection's address,
     * the session's connection id) and the session's principal. Only a principal the policy
     * names replaces the session's; {@link Admission#accept()} keeps it (the transport's does not
     * apply: the session already is someone, e.g. from a login, and a restore must not silently
     * change who it is). Does nothing to the session when refused. Never throws: a policy that
     * fails refuses the restore.
     *
     * @param connection         the connection the restore comes over
     * @param transportPrincipal who the transport authenticated the peer as (TLS client
     *                           certificate), or empty
     * @return null when admitted, else the reason of the refusal
     */
    public String admitRestore(Session session, ConnectionInfo connection, Optional<Principal> transportPrincipal) {
        Admission decision = decideRestore(session.principal(), connection, transportPrincipal);
        if (!decision.accepted()) {
            return decision.reason();
        }
        decision.principal().ifPresent(session::principal);
        return null;
    }

    /**
     * The policy's decision on the restore of a session that is not on this node yet (a shared
     * store asks before it claims it), from the principal its stored state names; the caller
     * applies a principal the decision names once the session is here. Never throws.
     *
     * @param sessionPrincipal the principal of the stored session, or empty
     */
    public Admission decideRestore(Optional<Principal> sessionPrincipal, ConnectionInfo connection,
                                   Optional<Principal> transportPrincipal) {
        if (acceptsAll) {
            return Admission.accept();
        }
        return decide(ConnectAttempt.restoring(connection, transportPrincipal, sessionPrincipal), connection.id());
    }

    /**
     * Decides a request that has no session (e.g. a policy-checked HTTP resource). Never
     * throws: a policy that fails refuses.
     *
     * @return null when admitted, else the reason of the refusal
     */
    public String admitRequest(ConnectionInfo connection, Optional<Principal> transportPrincipal) {
        if (acceptsAll) {
            return null;
        }
        Admission decision = decide(new ConnectAttempt(connection, transportPrincipal), connection);
        return decision.accepted() ? null : decision.reason();
    }

    /** Whether every connection is accepted without asking (no policy). */
    public boolean acceptsAll() {
        return acceptsAll;
    }

    /** The policy's decision; a failing policy refuses, a null decision accepts. */
    private Admission decide(ConnectAttempt attempt, Object who) {
        Admission decision;
        try {
            decision = policy.admit(attempt);
        } catch (RuntimeException | Error e) {
            LOG.warn("connection policy failed on {}; refusing it: {}", who, e.toString());
            return Admission.refuse("connection refused");
        }
        if (decision == null) {
            return Admission.accept();
        }
        if (!decision.accepted()) {
            LOG.debug("{} {} refused by the connection policy: {}", attempt.restore() ? "restore of" : "connection",
                    who, decision.reason());
        }
        return decision;
    }
}
