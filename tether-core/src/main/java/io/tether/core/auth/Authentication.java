package io.tether.core.auth;

import io.tether.api.Admission;
import io.tether.api.ConnectAttempt;
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
 * {@link #admit} once per connection (socket: on connect; JSTP: at the handshake). One per core;
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
        Admission decision;
        if (acceptsAll) {
            decision = Admission.accept();
        } else {
            try {
                decision = policy.admit(new ConnectAttempt(session.info(), transportPrincipal));
            } catch (RuntimeException | Error e) {
                LOG.warn("connection policy failed on {}; refusing it: {}", session, e.toString());
                return "connection refused";
            }
            if (decision == null) {
                decision = Admission.accept();
            }
        }
        if (!decision.accepted()) {
            LOG.debug("connection {} refused by the connection policy: {}", session, decision.reason());
            return decision.reason();
        }
        Principal who = decision.principal().or(() -> transportPrincipal).orElse(null);
        if (who != null) {
            session.principal(who);
        }
        return null;
    }
}
