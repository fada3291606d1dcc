package io.tether.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.testkit.LineClient;
import io.tether.testkit.TestPki;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate replaced on disk serves the next connection without a restart (the file watch,
 * or {@link TetherServer#reloadTls()} as SIGHUP does); established connections keep theirs; a
 * broken file keeps the previous certificate.
 */
class TlsReloadIT {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    TestPki pki;
    Path cert;
    Path key;

    @BeforeEach
    void serveTheFirstCertificate() {
        pki = TestPki.create(dir.resolve("pki"));
        cert = dir.resolve("served.pem");
        key = dir.resolve("served.key");
        pki.server("first").copyTo(cert, key);
    }

    private TetherServer start(Duration checkEvery) {
        TetherCore core = TetherCore.builder().action(MutualTlsIT.whoami()).build();
        TlsOptions tls = TlsOptions.pem(cert, key).toBuilder().reloadCheckInterval(checkEvery).build();
        SocketOptions options = SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0).tls(tls).build();
        return TetherServer.builder(core).protocol(new SocketProtocolServer(core, options)).build().start();
    }

    private BigInteger servedSerial(TetherServer server) {
        try (LineClient c = LineClient.connectTls("127.0.0.1", server.port("socket"), pki.clientContext(null))) {
            assertThat(c.readLine(WAIT)).contains("welcome");
            return serial(c);
        }
    }

    private static BigInteger serial(LineClient c) {
        try {
            return ((X509Certificate) c.tlsSession().getPeerCertificates()[0]).getSerialNumber();
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            throw new AssertionError(e);
        }
    }

    private static TlsContextProvider provider(TetherServer server, SocketProtocolServer listener) {
        return listener.tls().orElseThrow();
    }

    @Test
    void aReplacedCertificateIsServedToTheNextConnectionAndTheOldOneKeepsItsOwn() throws Exception {
        TestPki.Issued second = pki.server("second");
        TestPki.Issued third = pki.server("third");
        TetherCore core = TetherCore.builder().action(MutualTlsIT.whoami()).build();
        TlsOptions tls = TlsOptions.pem(cert, key).toBuilder().reloadCheckInterval(Duration.ofMillis(200)).build();
        SocketProtocolServer listener = new SocketProtocolServer(core,
                SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0).tls(tls).build());
        try (TetherServer server = TetherServer.builder(core).protocol(listener).build().start();
             LineClient established = LineClient.connectTls("127.0.0.1", server.port("socket"),
                     pki.clientContext(null))) {
            assertThat(established.readLine(WAIT)).contains("welcome");
            BigInteger first = serial(established);
            assertThat(servedSerial(server)).isEqualTo(first);

            second.copyTo(cert, key);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> servedSerial(server).equals(second.serial()));
            assertThat(provider(server, listener).reloads()).isGreaterThanOrEqualTo(1);
            established.send("whoami");
            assertThat(established.readMap(WAIT)).containsKey("principal");
            assertThat(serial(established)).as("the established connection keeps its certificate").isEqualTo(first);

            Files.writeString(cert, "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
            await().atMost(WAIT).until(() -> provider(server, listener).failedReloads() >= 1);
            assertThat(servedSerial(server)).as("a broken file keeps the previous certificate")
                    .isEqualTo(second.serial());

            third.copyTo(cert, key);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> servedSerial(server).equals(third.serial()));
        }
    }

    @Test
    void withoutTheWatchReloadTlsAppliesAChange() {
        TestPki.Issued second = pki.server("second");
        try (TetherServer server = start(Duration.ZERO)) {
            BigInteger first = servedSerial(server);
            second.copyTo(cert, key);
            assertThat(servedSerial(server)).as("no watch: still the first").isEqualTo(first);
            assertThat(server.reloadTls()).isZero();
            assertThat(servedSerial(server)).isEqualTo(second.serial());

            pki.server("mismatched-key").copyTo(dir.resolve("unused.pem"), key); // a key that fits no served certificate
            assertThat(server.reloadTls()).as("one listener failed").isEqualTo(1);
            assertThat(servedSerial(server)).isEqualTo(second.serial());
        }
    }
}
