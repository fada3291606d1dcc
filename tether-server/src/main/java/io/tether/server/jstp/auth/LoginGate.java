package io.tether.server.jstp.auth;

import com.github.benmanes.caffeine.cache.Ticker;
import io.tether.api.Principal;
import io.tether.core.auth.CredentialCheck;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import io.tether.server.PeerAddress;
import io.tether.core.limits.RateLimitedLog;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a JSTP listener's logins go through: refuses at once (no hashing) an address or user
 * name that failed too often ({@link LoginLimits}, counted as {@link Refusal#LOGIN_THROTTLED}),
 * and runs the {@link JstpAuthenticator} on its own small pool of platform threads with a
 * bounded queue, so password hashing never occupies the executor actions run on; a full queue
 * refuses at once ({@link Refusal#OVERLOADED}). Owned by the listener, closed with it.
 *
 * <pre>{@code
 * LoginGate gate = new LoginGate(authenticator, LoginLimits.defaults(), core.refusals());
 * gate.attempt("login", List.of("user", "secret"), remote).thenAccept(user -> ...); // empty = refused
 * gate.close();
 * }</pre>
 */
public final class LoginGate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoginGate.class);
    /** Overload refusals come in floods: one line a second, the rest counted. */
    private final RateLimitedLog overloadLog = new RateLimitedLog(LOG, Duration.ofSeconds(1));
    /** User names are tracked by at most this many leading characters (bounds the map's memory). */
    static final int USER_KEY_CHARS = 256;
    private static final CompletableFuture<Optional<String>> REFUSED = CompletableFuture.completedFuture(Optional.empty());

    private final JstpAuthenticator authenticator;
    private final LoginLimits limits;
    private final Refusals refusals;
    private final FailureLedger<InetAddress> addresses;
    private final FailureLedger<String> users;
    private final ThreadPoolExecutor pool;

    /** A gate over {@code authenticator} with its own hashing pool. */
    public LoginGate(JstpAuthenticator authenticator, LoginLimits limits, Refusals refusals) {
        this(authenticator, limits, refusals, Ticker.systemTicker());
    }

    LoginGate(JstpAuthenticator authenticator, LoginLimits limits, Refusals refusals, Ticker ticker) {
        this.authenticator = authenticator;
        this.limits = limits;
        this.refusals = refusals;
        this.addresses = new FailureLedger<>(limits, ticker);
        this.users = new FailureLedger<>(limits, ticker);
        BlockingQueue<Runnable> queue = limits.queue() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(limits.queue());
        this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.MILLISECONDS, queue,
                Thread.ofPlatform().name("tether-login-", 1).daemon().factory(), new ThreadPoolExecutor.AbortPolicy());
    }

    /** Logins waiting for a hashing thread now (at most {@code login.queue}; a gauge). */
    public int waiting() {
        return pool.getQueue().size();
    }

    /**
     * Checks the credentials of a {@code login} or custom strategy.
     *
     * @return the accepted user name, or empty when refused (bad credentials, throttled or
     *         overloaded); never completes exceptionally
     */
    public CompletableFuture<Optional<String>> attempt(String strategy, Object credentials, SocketAddress remote) {
        InetAddress address = PeerAddress.inet(remote);
        String user = userKey(credentials);
        if (address != null && addresses.locked(address) || user != null && users.locked(user)) {
            refusals.count(Refusal.LOGIN_THROTTLED);
            LOG.debug("login from {} refused without checking: too many failures", remote);
            return REFUSED;
        }
        Attempt attempt = new Attempt(strategy, credentials, address, user);
        try {
            pool.execute(attempt);
        } catch (RejectedExecutionException e) {
            refusals.count(Refusal.OVERLOADED);
            overloadLog.info("login from {} refused: {} logins already wait for a hashing thread (login.queue)",
                    remote, limits.queue());
            return REFUSED;
        }
        return attempt.result;
    }

    /** The user name a failure counts against: the first element of {@code [user, ...]} credentials. */
    static String userKey(Object credentials) {
        if (credentials instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String name
                && !name.isEmpty()) {
            return name.length() > USER_KEY_CHARS ? name.substring(0, USER_KEY_CHARS) : name;
        }
        return null;
    }

    /**
     * This gate as the credential check of a login action ({@link io.tether.core.auth.LoginActions#login}),
     * so a socket client's {@code login} meets the same users, the same failure throttling and
     * the same bounded hashing pool as a JSTP handshake login; the principal is the user name.
     * It blocks the calling thread until the check is done (a login action runs on a virtual
     * thread).
     */
    public CredentialCheck credentialCheck() {
        return (user, password, from) -> {
            SocketAddress remote = from == null ? null : address(from.remoteIp(), from.remotePort());
            try {
                return attempt("login", List.of(user, password), remote).join().map(Principal::named);
            } catch (CancellationException | CompletionException e) {
                return Optional.empty();
            }
        };
    }

    /** The numeric address (no name lookup: the connection's IP is a literal), unresolved if it is not one. */
    private static SocketAddress address(String ip, int port) {
        InetAddress literal = io.netty.util.NetUtil.createInetAddressFromIpAddressString(ip);
        return literal != null ? new InetSocketAddress(literal, port) : InetSocketAddress.createUnresolved(ip, port);
    }

    /** Stops the hashing threads; attempts still queued are refused. */
    @Override
    public void close() {
        for (Runnable r : pool.shutdownNow()) {
            if (r instanceof Attempt a) {
                a.result.complete(Optional.empty());
            }
        }
    }

    /** Addresses and user names with failures remembered now (for tests). */
    long tracked() {
        return addresses.tracked() + users.tracked();
    }

    private final class Attempt implements Runnable {
        private final CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        private final String strategy;
        private final Object credentials;
        private final InetAddress address;
        private final String user;

        Attempt(String strategy, Object credentials, InetAddress address, String user) {
            this.strategy = strategy;
            this.credentials = credentials;
            this.address = address;
            this.user = user;
        }

        @Override
        public void run() {
            Optional<String> accepted = Optional.empty();
            try {
                accepted = authenticator.authenticate(strategy, credentials).filter(u -> !u.isEmpty());
            } catch (RuntimeException e) {
                LOG.warn("authenticator failed: {}", e.toString());
            } finally {
                record(accepted.isPresent());
                result.complete(accepted);
            }
        }

        private void record(boolean ok) {
            if (ok) {
                if (user != null) {
                    users.succeeded(user);
                }
                return;
            }
            if (address != null) {
                logLock(addresses.failed(address), "from " + address.getHostAddress());
            }
            if (user != null) {
                logLock(users.failed(user), "for user '" + printable(user) + "'");
            }
        }
    }

    private void logLock(long delayNanos, String whose) {
        if (delayNanos > 0) {
            LOG.info("{} failed logins {} (login.max-failures): further attempts refused for {}",
                    limits.maxFailures() + "+", whose, Duration.ofNanos(delayNanos));
        }
    }

    /** At most 64 characters, control characters replaced: safe for a log line. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 64));
        for (int i = 0; i < s.length() && b.length() < 64; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
