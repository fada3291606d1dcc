package io.tether.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.client.jstp.JstpClient;
import io.tether.client.jstp.JstpClientOptions;
import io.tether.client.socket.SocketClient;
import io.tether.client.socket.SocketClientOptions;
import io.tether.client.testing.DemoServer;
import io.tether.client.testing.JstpTestServer;
import io.tether.testkit.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsIT {
    private static TestCertificates certs;
    private static DemoServer socketServer;
    private static JstpTestServer jstpServer;

    @BeforeAll
    static void start() {
        certs = TestCertificates.generate();
        socketServer = DemoServer.start(certs);
        jstpServer = JstpTestServer.start(certs);
    }

    @AfterAll
    static void stop() {
        socketServer.close();
        jstpServer.close();
    }

    @Test
    void socketClientTrustsAPemCa() {
        SocketClientOptions o = SocketClientOptions.builder().host("localhost").port(socketServer.port())
                .tls(ClientTlsOptions.pemCa(certs.certificatePem())).build();
        try (SocketClient client = SocketClient.connect(o)) {
            assertThat(client.action("randomNumber").join().get("randomNumber")).isNotNull();
        }
    }

    @Test
    void jstpClientTrustsATrustStore() {
        JstpClientOptions o = JstpClientOptions.builder().host("localhost").port(jstpServer.port())
                .tls(ClientTlsOptions.trustStore(certs.trustStore())).build();
        try (JstpClient client = JstpClient.connect(o, "testApp")) {
            assertThat(client.callMethod("calculator", "answer").join()).containsExactly(42L);
        }
    }

    @Test
    void untrustedCertificateIsRefused() {
        SocketClientOptions o = SocketClientOptions.builder().host("localhost").port(socketServer.port())
                .tls(ClientTlsOptions.systemDefault()).build();
        assertThatThrownBy(() -> SocketClient.connect(o)).hasMessageContaining("TLS handshake");
        JstpClientOptions j = JstpClientOptions.builder().host("localhost").port(jstpServer.port())
                .tls(ClientTlsOptions.systemDefault()).build();
        assertThatThrownBy(() -> JstpClient.connect(j, "testApp")).hasMessageContaining("TLS handshake");
    }
}
