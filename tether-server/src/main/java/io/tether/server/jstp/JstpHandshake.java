package io.tether.server.jstp;

import io.tether.api.Admission;
import io.tether.api.ConnectionInfo;
import io.tether.api.ErrorCode;
import io.tether.api.Principal;
import io.tether.server.jstp.wire.JstpErrors;
import io.tether.codec.jstp.JstpMessage.HandshakeRequest;
import io.tether.core.limits.AddressBuckets;
import io.tether.core.limits.RateLimit;
import io.tether.core.limits.RateLimits;
import io.tether.core.limits.Refusal;
import io.tether.core.session.RandomIds;
import io.tether.core.session.Session;
import io.tether.core.session.resume.ResumableSession;
import io.tether.core.session.resume.PeerCallSettings;
import io.tether.core.session.resume.ResumeProtocol;
import io.tether.core.session.resume.SessionIds;
import io.tether.core.session.resume.SessionQuota;
import io.tether.core.session.resume.SessionSnapshot;
import io.tether.core.session.resume.SessionStore;
import io.tether.server.PeerAddress;
import io.tether.api.jstp.JstpApplication;
import io.tether.server.jstp.auth.LoginGate;
import io.tether.server.jstp.bridge.ChatInterface;
import io.tether.server.jstp.wire.JstpOutbound;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.semver4j.Semver;

/**
 * Decides a handshake request (new session or restore of an existing one): selects the application,
 * then authenticates ({@code anonymous}; {@code login} and custom strategies through the listener's
 * {@link LoginGate}, which throttles and hashes off the action executor) or finds the session to
 * restore. A restore is tied to the application version the session was opened with: a request
 * naming another version, or a range that version does not satisfy, is refused like an unknown
 * session; one naming no version gets the session's own. Does not touch the transport: the handler
 * applies the outcome on its event loop.
 */
final class JstpHandshake {
    private static final Logger LOG = LoggerFactory.getLogger(JstpHandshake.class);

    /** The decision. */
    sealed interface Outcome {
    }

    /** Refused with a JSTP code. */
    record Rejected(int code) implements Outcome {
    }

    /** A new session. */
    record Created(JstpApplication app, ResumableSession session) implements Outcome {
    }

    /**
     * A session to restore with the client's received count; {@code admitted} is the connection
     * policy's decision when it was asked already (before a shared store claimed the session from
     * another node), else null (asked on the event loop, {@link #admitRestore}).
     */
    record Restoring(JstpApplication app, ResumableSession session, long clientReceived, Admission admitted)
            implements Outcome {
    }

    private final JstpServices services;
    private final LoginGate login;
    private final ResumeProtocol protocol; // shared by all sessions of this listener
    private final AddressBuckets handshakes; // null when the handshake rate limit is off
    private final java.util.concurrent.atomic.LongAdder restored = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder restoresFailed = new java.util.concurrent.atomic.LongAdder();

    JstpHandshake(JstpServices services, LoginGate login) {
        this.services = services;
        this.login = login;
        RateLimit rate = services.options().handshakeRate();
        this.handshakes = rate.enabled() ? new AddressBuckets(rate, RateLimits.DEFAULT_MAX_TRACKED_ADDRESSES) : null;
        String chat = services.options().chatInterface();
        this.protocol = new ResumeProtocol("jstp", JstpOutbound.INSTANCE, (session, delivery) -> {
            try {
                ChatInterface.deliver(chat, session, delivery);
            } catch (RuntimeException e) {
                LOG.debug("room message to {} dropped: {}", session, e.toString());
            }
        }, this::leaveAll, new PeerCallSettings(services.core().timer(), services.core().workers(),
                services.options().peerCallTimeout(), services.options().maxInFlightCalls()));
    }

    /**
     * Decides the request; the future never completes exceptionally.
     *
     * @param certificate the principal of the connection's verified TLS client certificate, or
     *                    empty: what the connection policy is told the transport authenticated
     */
    CompletableFuture<Outcome> decide(HandshakeRequest request, SocketAddress remote, Optional<Principal> certificate) {
        if (handshakes != null && !handshakes.tryTake(PeerAddress.ip(remote))) {
            services.refusals().refuse(Refusal.RATE_LIMITED_HANDSHAKE,
                    "handshake from {} refused: over the handshake rate of its address", remote);
            return done(new Rejected(JstpErrors.code(ErrorCode.RATE_LIMITED)));
        }
        Optional<JstpApplication> app = services.applications().select(request.app(), request.version());
        if (app.isEmpty()) {
            return done(new Rejected(JstpErrors.code(ErrorCode.APP_NOT_FOUND)));
        }
        String strategy = request.strategy() == null ? "anonymous" : request.strategy();
        return switch (strategy) {
            case "anonymous" -> created(app.get(), null, remote, certificate);
            case "session" -> CompletableFuture.supplyAsync(() -> counted(restore(request, remote, certificate)),
                    services.core().workers())
                    .exceptionally(e -> {
                        LOG.warn("session restore failed: {}", e.toString());
                        restoresFailed.increment();
                        return new Rejected(JstpErrors.code(ErrorCode.AUTH_FAILED));
                    });
            // hashing runs on the gate's own bounded pool; the session is made back on a worker
            default -> login.attempt(strategy, request.credentials(), remote)
                    .thenComposeAsync(user -> user.isEmpty() ? done(new Rejected(JstpErrors.code(ErrorCode.AUTH_FAILED)))
                            : created(app.get(), user.get(), remote, certificate), services.core().workers())
                    .exceptionally(e -> {
                        LOG.warn("authenticator failed: {}", e.toString());
                        return new Rejected(JstpErrors.code(ErrorCode.AUTH_FAILED));
                    });
        };
    }

    /** Counts a restore that found no session (one that did is counted by {@link #admitRestore}). */
    private Outcome counted(Outcome outcome) {
        if (!(outcome instanceof Restoring)) {
            restoresFailed.increment();
        }
        return outcome;
    }

    /**
     * The connection policy's decision on a restore the store found: asked on the connection's
     * event loop (like a new session's), with the restore's connection (the session's connection
     * id, the new remote address) and the session's principal. Accepted, the session takes the new
     * address (and the principal the policy names, if any). Refused, it is counted as
     * {@code connection_policy} and the session is left as it was: still detached (or still
     * attached to its owner's connection), restorable by its owner.
     *
     * @param certificate the principal of the connection's verified TLS client certificate, or empty
     * @return whether the restore may proceed
     */
    boolean admitRestore(Restoring restoring, SocketAddress remote, Optional<Principal> certificate) {
        ResumableSession session = restoring.session();
        String ip = PeerAddress.ip(remote);
        var authentication = services.core().authentication();
        String refusal = null;
        if (restoring.admitted() != null) { // asked before the claim: apply, don't ask again
            restoring.admitted().principal().ifPresent(session::principal);
        } else if (!authentication.acceptsAll()) {
            refusal = authentication.admitRestore(session, attempt(session.info().id(), remote), certificate);
        }
        if (refusal != null) {
            services.core().refusals().count(Refusal.CONNECTION_POLICY);
            restoresFailed.increment();
            return false;
        }
        restored.increment();
        session.address(ip);
        return true;
    }

    /** The connection a restore comes over, as the connection policy sees it. */
    private static ConnectionInfo attempt(String connectionId, SocketAddress remote) {
        return PeerAddress.connection(connectionId, "jstp", remote);
    }

    /**
     * How a restore finds its session: continues one another node stored ({@link #continued}),
     * and, with a connection policy, has it decide before a shared store claims such a session
     * (a refused restore must not take it, and its attached client, from the node that has it).
     * Runs on a worker, in the store's lookup; the policy must not block, wherever it runs.
     */
    private final class Lookup implements SessionStore.Continuation {
        private final SocketAddress remote;
        private final Optional<Principal> certificate;
        Admission admitted; // the policy's decision before a claim, or null
        boolean refused;

        Lookup(SocketAddress remote, Optional<Principal> certificate) {
            this.remote = remote;
            this.certificate = certificate;
        }

        @Override
        public ResumableSession continueFrom(SessionSnapshot snapshot, SessionQuota quota) {
            return continued(snapshot, quota, remote);
        }

        @Override
        public boolean decidesAdmission() {
            return !services.core().authentication().acceptsAll();
        }

        @Override
        public boolean admits(SessionSnapshot snapshot) {
            var authentication = services.core().authentication();
            if (authentication.acceptsAll()) {
                return true;
            }
            Admission decision = authentication.decideRestore(Optional.ofNullable(snapshot.principal()),
                    attempt(RandomIds.uuid(), remote), certificate);
            if (!decision.accepted()) {
                refused = true;
                return false;
            }
            admitted = decision;
            return true;
        }
    }

    /** Sessions restored since start. */
    long restored() {
        return restored.sum();
    }

    /**
     * Restore requests refused since start (unknown, expired or malformed session, wrong
     * application, refused by the connection policy).
     */
    long restoresFailed() {
        return restoresFailed.sum();
    }

    /** A new session, answered only once the store can restore it (from any node, for a shared store). */
    private CompletableFuture<Outcome> created(JstpApplication app, String username, SocketAddress remote,
                                               Optional<Principal> certificate) {
        ResumableSession session = newSession(app, remote);
        String refusal = services.core().authentication().admit(session, certificate);
        if (refusal != null) {
            services.core().refusals().count(Refusal.CONNECTION_POLICY);
            session.drop();
            return done(new Rejected(JstpErrors.code(ErrorCode.AUTH_FAILED)));
        }
        if (username != null) {
            session.principal(Principal.named(username)); // a login names the user, over the policy's choice
        }
        CompletableFuture<Void> saved = services.sessions().save(session);
        if (saved.isDone()) { // the in-memory store: no dependent future per handshake
            return done(new Created(app, session));
        }
        return saved.handle((v, e) -> new Created(app, session));
    }

    private Outcome restore(HandshakeRequest request, SocketAddress remote, Optional<Principal> certificate) {
        if (!(request.credentials() instanceof List<?> list) || list.size() < 2
                || !(list.get(0) instanceof String id) || !(list.get(1) instanceof Number received)
                || !SessionIds.wellFormed(id)) {
            return new Rejected(JstpErrors.code(ErrorCode.AUTH_FAILED));
        }
        Lookup lookup = new Lookup(remote, certificate);
        Optional<ResumableSession> found = services.sessions().find(id, lookup);
        if (lookup.refused) { // another node's session, refused before the claim: left where it is
            services.core().refusals().count(Refusal.CONNECTION_POLICY);
            return new Rejected(JstpErrors.code(ErrorCode.AUTH_FAILED));
        }
        Optional<JstpApplication> app = found.flatMap(s -> acceptedApplication(s, request));
        if (app.isEmpty()) {
            return new Rejected(JstpErrors.code(ErrorCode.AUTH_FAILED));
        }
        // unless asked before a claim, the connection policy is asked on the event loop (admitRestore)
        return new Restoring(app.get(), found.get(), Math.max(0, received.longValue()), lookup.admitted);
    }

    /** The application of the session if the request names it and accepts its version (see {@link #applicationOf}). */
    private Optional<JstpApplication> acceptedApplication(ResumableSession s, HandshakeRequest request) {
        if (s.application() != null && !s.application().equals(request.app())) {
            return Optional.empty();
        }
        return applicationOf(s, request);
    }

    /**
     * The application version the session was opened with, if the request accepts it: no
     * version, that exact version, or a range it satisfies. A session without a recorded
     * version (stored by an older node) gets the version the request selects.
     */
    private Optional<JstpApplication> applicationOf(ResumableSession session, HandshakeRequest request) {
        String requested = request.version();
        String own = session.applicationVersion();
        if (own == null) {
            return services.applications().select(request.app(), requested);
        }
        if (requested != null && !requested.isEmpty() && !requested.equals(own) && !satisfies(own, requested)) {
            return Optional.empty();
        }
        return services.applications().select(request.app(), own)
                .filter(a -> a.version().equals(own));
    }

    /** Whether {@code version} satisfies the npm range {@code range} (the request selected a hosted version with it). */
    private static boolean satisfies(String version, String range) {
        try {
            return new Semver(version).satisfies(range);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ResumableSession newSession(JstpApplication app, SocketAddress remote) {
        return ResumableSession.open(protocol, services.sessions().quota(), PeerAddress.ip(remote),
                PeerAddress.port(remote), app.name(), app.version());
    }

    /**
     * A session a shared store brought from another node: continued here, a member of its rooms
     * again before it answers (like any detached session of this node, it buffers their messages
     * until it is restored or expires). Runs on a worker (the store's lookup may block).
     */
    private ResumableSession continued(SessionSnapshot snapshot, SessionQuota quota, SocketAddress remote) {
        ResumableSession session = ResumableSession.restored(snapshot, protocol, quota, PeerAddress.ip(remote),
                PeerAddress.port(remote));
        for (String room : snapshot.rooms()) {
            services.core().rooms().join(session, room).exceptionally(e -> {
                LOG.info("{} could not rejoin room {}: {}", session, room, rootMessage(e));
                return null;
            }).join();
        }
        return session;
    }

    private static String rootMessage(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                ? e.getCause().getMessage() : e.getMessage();
    }

    /** Runs when a session ends on this node (dropped or handed off): the room service decides where the broker runs. */
    private void leaveAll(Session core) {
        services.core().rooms().leaveAll(core).whenComplete((ok, e) -> {
            if (e != null) {
                LOG.warn("could not remove {} from its rooms: {}", core, rootMessage(e));
            }
        });
    }

    private static CompletableFuture<Outcome> done(Outcome o) {
        return CompletableFuture.completedFuture(o);
    }
}
