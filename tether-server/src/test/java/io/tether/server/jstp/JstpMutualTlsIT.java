package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.api.Principal;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.tls.ClientAuth;
import io.tether.server.tls.TlsOptions;
import io.tether.testkit.TestPki;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSTP session opened over a connection with a verified client certificate has the certificate's principal. */
class JstpMutualTlsIT {
    @TempDir
    Path dir;

    @Test
    void anActionCalledOverJstpSeesTheCertificatePrincipal() throws Exception {
        TestPki pki = TestPki.create(dir);
        TestPki.Issued server = pki.server("server");
        TestPki.Issued alice = pki.client("alice");
        Action whoami = Action.named("whoami").handler(ctx -> Map.of("principal",
                ctx.session().principal().map(Principal::name).orElse("anonymous"))).build();
        TetherCore core = TetherCore.builder().action(whoami).build();
        JstpOptions options = TestApps.configure(JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                .tls(TlsOptions.pem(server.certificatePem(), server.privateKeyPem()).toBuilder()
                        .clientAuth(ClientAuth.OPTIONAL).trustedCertificates(pki.caPem()).build())
                .build(), 20_000);
        try (TetherServer s = TetherServer.builder(core).protocol(new JstpProtocolServer(core, options)).build().start()) {
            for (TestPki.Issued client : new TestPki.Issued[] {alice, null}) {
                SSLSocket socket = (SSLSocket) pki.clientContext(client).getSocketFactory()
                        .createSocket("127.0.0.1", s.port("jstp"));
                socket.setSoTimeout(20_000);
                socket.startHandshake();
                try (JstpTestClient c = new JstpTestClient(socket)) {
                    c.handshake("tether");
                    assertThat(c.request("{call:[1,'api'],whoami:[]}")).isEqualTo("{callback:[1],ok:[{principal:'"
                            + (client == null ? "anonymous" : "alice") + "'}]}");
                }
            }
            // a login in the handshake names the session, whatever the certificate says
            SSLSocket socket = (SSLSocket) pki.clientContext(alice).getSocketFactory()
                    .createSocket("127.0.0.1", s.port("jstp"));
            socket.setSoTimeout(20_000);
            socket.startHandshake();
            try (JstpTestClient c = new JstpTestClient(socket)) {
                assertThat(c.send("{handshake:[0,'testApp'],login:['user','secret']}").read()).containsKey("ok");
                assertThat(c.request("{call:[1,'api'],whoami:[]}")).isEqualTo("{callback:[1],ok:[{principal:'user'}]}");
            }
        }
    }
}
