package io.tether.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one load run does. Immutable; start from {@link #defaults()} and change with
 * {@link #toBuilder()}.
 *
 * @param protocol    wire protocol
 * @param host        server address (must be loopback: 127.0.0.0/8)
 * @param port        server port
 * @param connections number of connections
 * @param depth       requests in flight per connection (pipelining depth)
 * @param duration    measured duration (also the cap of a request-count run)
 * @param requests    measured requests in total, 0 = run for {@code duration}
 * @param warmup      warm-up before measuring (results discarded)
 * @param request     socket: the line or action name; jstp: the method name
 * @param json        socket: send {@code {"action":request,"params":{"messageId":"n"}}} and match by id
 * @param app         jstp: application name of the handshake
 * @param iface       jstp: interface of the calls
 * @param args        jstp: the call's argument array in mdsf, e.g. {@code ['hello']}
 * @param tls         connect with TLS (certificate not verified: loopback benchmark only)
 * @param threads     client event-loop threads
 * @param pids        server processes whose CPU and RSS are reported (may be empty)
 * @param idle        idle mode: open and hold this many connections instead of loading, 0 = off
 * @param hold        idle mode: how long to hold the connections before measuring RSS
 * @param portsPerAddress idle mode: connections per loopback source address 127.0.0.x
 * @param idleWarmup  idle mode: connections opened and held first; RSS per connection is then the
 *                    growth from that point (the marginal cost), one-time costs reported apart
 * @param idleCalls   idle mode: requests each measured connection makes (one at a time) after its
 *                    greeting and before it is held, 0 = none
 * @param webSocketPath JSTP or Primus over WebSocket at this path ({@code ws://host:port/path}, {@code wss}
 *                    with {@code tls}) instead of TCP; {@code null} = TCP (required for Primus)
 */
public record LoadOptions(Protocol protocol, String host, int port, int connections, int depth,
                          Duration duration, long requests, Duration warmup, String request, boolean json,
                          String app, String iface, String args, boolean tls, int threads, List<Long> pids,
                          int idle, Duration hold, int portsPerAddress, int idleWarmup, int idleCalls,
                          String webSocketPath) {

    /** Validates the values. */
    public LoadOptions {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(pids, "pids");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(args, "args");
        if (!host.startsWith("127.") && !host.equals("localhost")) {
            throw new IllegalArgumentException("only loopback targets (127.0.0.0/8) are allowed: " + host);
        }
        if (port < 1 || port > 65535 || connections < 1 || depth < 1 || threads < 1 || requests < 0
                || idle < 0 || portsPerAddress < 1 || idleWarmup < 0 || idleCalls < 0) {
            throw new IllegalArgumentException("invalid port, connections, depth, threads, requests or idle");
        }
        if (duration.isNegative() || duration.isZero() || warmup.isNegative() || hold.isNegative()) {
            throw new IllegalArgumentException("duration must be > 0, warmup and hold >= 0");
        }
        pids = List.copyOf(pids);
        if (webSocketPath != null && (!webSocketPath.startsWith("/")
                || protocol != Protocol.JSTP && protocol != Protocol.PRIMUS)) {
            throw new IllegalArgumentException("--ws takes a path starting with / and needs --protocol jstp or primus: "
                    + webSocketPath);
        }
        if (protocol == Protocol.PRIMUS && webSocketPath == null) {
            throw new IllegalArgumentException("--protocol primus runs over WebSocket only: it needs --ws (e.g. /primus)");
        }
    }

    /** Socket protocol, 127.0.0.1:5000, 1 connection, depth 1, 10 s, 2 s warm-up, {@code randomNumber}. */
    public static LoadOptions defaults() {
        return new LoadOptions(Protocol.SOCKET, "127.0.0.1", 5000, 1, 1, Duration.ofSeconds(10), 0,
                Duration.ofSeconds(2), "randomNumber", false, "tether", "api", "[]", false,
                Math.max(1, Runtime.getRuntime().availableProcessors()), List.of(), 0, Duration.ofSeconds(3),
                25_000, 0, 0, null);
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder for {@link LoadOptions}. */
    public static final class Builder {
        private Protocol protocol;
        private String host;
        private int port;
        private int connections;
        private int depth;
        private Duration duration;
        private long requests;
        private Duration warmup;
        private String request;
        private boolean json;
        private String app;
        private String iface;
        private String args;
        private boolean tls;
        private int threads;
        private List<Long> pids;
        private int idle;
        private Duration hold;
        private int portsPerAddress;
        private int idleWarmup;
        private int idleCalls;
        private String webSocketPath;

        private Builder(LoadOptions o) {
            protocol = o.protocol; host = o.host; port = o.port; connections = o.connections; depth = o.depth;
            duration = o.duration; requests = o.requests; warmup = o.warmup; request = o.request; json = o.json;
            app = o.app; iface = o.iface; args = o.args; tls = o.tls; threads = o.threads; pids = o.pids;
            idle = o.idle; hold = o.hold; portsPerAddress = o.portsPerAddress; idleWarmup = o.idleWarmup; idleCalls = o.idleCalls;
            webSocketPath = o.webSocketPath;
        }

        /** Wire protocol. */
        public Builder protocol(Protocol v) { protocol = v; return this; }
        /** Server address. */
        public Builder host(String v) { host = v; return this; }
        /** Server port. */
        public Builder port(int v) { port = v; return this; }
        /** Number of connections. */
        public Builder connections(int v) { connections = v; return this; }
        /** Pipelining depth per connection. */
        public Builder depth(int v) { depth = v; return this; }
        /** Measured duration. */
        public Builder duration(Duration v) { duration = v; return this; }
        /** Measured requests, 0 = by duration. */
        public Builder requests(long v) { requests = v; return this; }
        /** Warm-up. */
        public Builder warmup(Duration v) { warmup = v; return this; }
        /** Socket line / action, or JSTP method. */
        public Builder request(String v) { request = v; return this; }
        /** Socket JSON requests with messageId matching. */
        public Builder json(boolean v) { json = v; return this; }
        /** JSTP application. */
        public Builder app(String v) { app = v; return this; }
        /** JSTP interface. */
        public Builder iface(String v) { iface = v; return this; }
        /** JSTP argument array (mdsf). */
        public Builder args(String v) { args = v; return this; }
        /** TLS on. */
        public Builder tls(boolean v) { tls = v; return this; }
        /** Client event-loop threads. */
        public Builder threads(int v) { threads = v; return this; }
        /** Server pids to sample. */
        public Builder pids(List<Long> v) { pids = v; return this; }
        /** Idle mode connection count. */
        public Builder idle(int v) { idle = v; return this; }
        /** Idle mode hold time. */
        public Builder hold(Duration v) { hold = v; return this; }
        /** Idle mode connections per source address. */
        public Builder portsPerAddress(int v) { portsPerAddress = v; return this; }
        /** Idle mode warm-up connections, opened and held before the measured ones. */
        public Builder idleWarmup(int v) { idleWarmup = v; return this; }
        /** Idle mode requests per measured connection before it is held. */
        public Builder idleCalls(int v) { idleCalls = v; return this; }

        /** JSTP or Primus over WebSocket at this path, null = TCP. */
        public Builder webSocketPath(String v) { webSocketPath = v; return this; }

        /** The options. */
        public LoadOptions build() {
            return new LoadOptions(protocol, host, port, connections, depth, duration, requests, warmup, request,
                    json, app, iface, args, tls, threads, pids, idle, hold, portsPerAddress, idleWarmup,
                    idleCalls, webSocketPath);
        }
    }
}
