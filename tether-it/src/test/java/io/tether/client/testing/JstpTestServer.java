package io.tether.client.testing;

import io.tether.demo.DemoApplication;
import io.tether.demo.ServerIdentity;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.http.HttpOptions;
import io.tether.server.http.HttpProtocolServer;
import io.tether.server.http.WebRoutes;
import io.tether.server.jstp.auth.PasswordAuthenticator;
import io.tether.server.jstp.auth.PasswordHash;
import io.tether.server.tls.TlsOptions;
import io.tether.testkit.TestCertificates;
import io.tether.testkit.jstp.JstpTestApp;
import java.util.Map;

/**
 * A Tether JSTP server hosting {@code testApp} and the demo actions on port 0, optionally TLS,
 * over TCP and over WebSocket ({@link #httpPort()}, path {@code /jstp}).
 */
public final class JstpTestServer implements AutoCloseable {
    private final TetherServer server;

    private JstpTestServer(TetherServer server) {
        this.server = server;
    }

    public static JstpTestServer start(TestCertificates tls) {
        ServerIdentity id = new ServerIdentity("test", "demo", "demo", "0.1.0", "0.1.0", System.currentTimeMillis());
        TetherCore core = DemoApplication.install(TetherCore.builder(), id).build();
        JstpOptions.Builder b = JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                .authenticator(new PasswordAuthenticator(Map.of(JstpTestApp.USER,
                        PasswordHash.create(JstpTestApp.PASSWORD.toCharArray(), 20_000))));
        JstpTestApp.applications().forEach(b::application);
        if (tls != null) {
            b.tls(TlsOptions.pem(tls.certificatePem(), tls.privateKeyPem()));
        }
        JstpProtocolServer jstp = new JstpProtocolServer(core, b.build());
        HttpOptions.Builder http = HttpOptions.builder().host("127.0.0.1").port(0);
        if (tls != null) {
            http.tls(TlsOptions.pem(tls.certificatePem(), tls.privateKeyPem()));
        }
        HttpProtocolServer web = new HttpProtocolServer(core, http.build(),
                WebRoutes.builder().webSocket("/jstp", jstp.webSocketEndpoint()).build());
        return new JstpTestServer(TetherServer.builder(core).protocol(jstp).protocol(web).build().start());
    }

    public int port() {
        return server.port("jstp");
    }

    /** The HTTP listener's port: JSTP over WebSocket at {@code /jstp} (wss with TLS). */
    public int httpPort() {
        return server.port("http");
    }

    @Override
    public void close() {
        server.close();
    }
}
