package io.tether.client.testing;

import io.tether.app.demo.DemoApplication;
import io.tether.app.demo.ServerIdentity;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.jstp.testapp.JstpTestApp;
import io.tether.server.tls.TlsOptions;
import io.tether.testkit.TestCertificates;

/** A Tether JSTP server hosting {@code testApp} and the demo actions on port 0, optionally TLS. */
public final class JstpTestServer implements AutoCloseable {
    private final TetherServer server;

    private JstpTestServer(TetherServer server) {
        this.server = server;
    }

    public static JstpTestServer start(TestCertificates tls) {
        ServerIdentity id = new ServerIdentity("test", "demo", "demo", "0.1.0", "0.1.0", System.currentTimeMillis());
        TetherCore core = DemoApplication.install(TetherCore.builder(), id).build();
        JstpOptions.Builder b = JstpTestApp.configure(JstpOptions.defaults(), 20_000).toBuilder().host("127.0.0.1").port(0);
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
