package io.tether.client.testing;

import io.tether.demo.DemoApplication;
import io.tether.demo.ServerIdentity;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.server.tls.TlsOptions;
import io.tether.testkit.TestCertificates;
import java.nio.file.Path;

/** The demo application on the socket protocol, port 0, optionally TLS. */
public final class DemoServer implements AutoCloseable {
    private final TetherServer server;

    private DemoServer(TetherServer server) {
        this.server = server;
    }

    public static DemoServer start(TestCertificates tls) {
        ServerIdentity id = new ServerIdentity("test", "demo", "demo", "0.1.0", "0.1.0", System.currentTimeMillis());
        TetherCore core = DemoApplication.install(TetherCore.builder(), id).build();
        SocketOptions.Builder socket = SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                .publicDirectory(Path.of("../tether-demo/public").toAbsolutePath().normalize());
        if (tls != null) {
            socket.tls(TlsOptions.pem(tls.certificatePem(), tls.privateKeyPem()));
        }
        return new DemoServer(TetherServer.builder(core).protocol(new SocketProtocolServer(core, socket.build()))
                .build().start());
    }

    public int port() {
        return server.port("socket");
    }

    @Override
    public void close() {
        server.close();
    }
}
