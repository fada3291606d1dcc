package io.tether.redis;

import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.core.session.resume.SessionLimits;
import io.tether.core.session.resume.SessionQuota;
import io.tether.server.jstp.auth.PasswordAuthenticator;
import io.tether.server.jstp.auth.PasswordHash;
import io.tether.testkit.jstp.JstpTestApp;
import io.tether.testkit.JstpFrameClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** JSTP servers (test application) on Redis-backed nodes sharing one prefix; closes everything. */
final class JstpNodes implements AutoCloseable {
    /** One running node. */
    record Node(TestNodes.Node redisNode, RedisSessionStore sessions, JstpProtocolServer jstp, TetherServer server) {
        int port() {
            return server.port("jstp");
        }

        JstpFrameClient client() {
            return JstpFrameClient.connect("127.0.0.1", port());
        }

        /** Stops like a clean shutdown: listener, core, Redis node. */
        void stop() {
            server.close();
            redisNode.core().close();
            redisNode.redis().close();
        }
    }

    private final TestNodes nodes;
    private final Duration expiry;
    private final List<Node> started = new ArrayList<>();
    private final List<JstpFrameClient> clients = new ArrayList<>();

    JstpNodes(TestNodes nodes, Duration expiry) {
        this.nodes = nodes;
        this.expiry = expiry;
    }

    Node start() {
        return start(core -> SessionQuota.defaults(SessionLimits.defaults()));
    }

    /** A node that also hosts {@code extra}. */
    Node start(io.tether.api.jstp.JstpApplication extra) {
        return start(core -> SessionQuota.defaults(SessionLimits.defaults()), extra);
    }

    /** A node whose session store has the quota made for its core. */
    Node start(java.util.function.Function<io.tether.core.TetherCore, SessionQuota> quota) {
        return start(quota, null);
    }

    private Node start(java.util.function.Function<io.tether.core.TetherCore, SessionQuota> quota,
                       io.tether.api.jstp.JstpApplication extra) {
        TestNodes.Node n = nodes.start();
        RedisSessionStore sessions = n.redis().sessionStore(expiry, quota.apply(n.core()), n.core().timer());
        JstpOptions.Builder b = JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0).sessionExpiry(expiry)
                .authenticator(new PasswordAuthenticator(java.util.Map.of(JstpTestApp.USER, // fewer iterations
                        PasswordHash.create(JstpTestApp.PASSWORD.toCharArray(), 20_000)))); // than the demo: fast logins
        JstpTestApp.applications().forEach(b::application);
        if (extra != null) {
            b.application(extra);
        }
        JstpOptions options = b.build();
        JstpProtocolServer jstp = new JstpProtocolServer(n.core(), options, sessions);
        TetherServer server = TetherServer.builder(n.core()).protocol(jstp).build().start();
        Node node = new Node(n, sessions, jstp, server);
        started.add(node);
        return node;
    }

    JstpFrameClient client(Node node) {
        JstpFrameClient c = node.client();
        clients.add(c);
        return c;
    }

    @Override
    public void close() {
        clients.forEach(JstpFrameClient::close);
        started.forEach(n -> n.server().close());
        nodes.close();
    }
}
