package io.tether.client.testing;

import io.tether.demo.DemoApplication;
import io.tether.demo.ServerIdentity;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.jstp.auth.PasswordAuthenticator;
import io.tether.server.jstp.auth.PasswordHash;
import io.tether.server.tls.TlsOptions;
import io.tether.testkit.TestCertificates;
import io.tether.testkit.jstp.JstpTestApp;
import java.util.Map;

/** A Tether JSTP server hosting {@code testApp} and the demo actions on port 0, optionally TLS. */
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
        return new JstpTestServer(TetherServer.builder(core).protocol(new JstpProtocolServer(core, b.build()))
                .build().start());
    }

    public int port() {
        return server.port("jstp");
    }

    @Override
    public void close() {
        server.close();
    }
}
