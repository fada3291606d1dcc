package io.tether.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.auth.LoginLimits;
import io.tether.core.session.resume.SessionLimits;
import io.tether.server.socket.SocketOptions;
import io.tether.server.tls.TlsOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsShapeTest {

    @Test
    void defaultsRoundTripThroughTheBuilder() {
        assertThat(SocketOptions.defaults().toBuilder().build()).isEqualTo(SocketOptions.defaults())
                .hasSameHashCodeAs(SocketOptions.defaults());
        assertThat(JstpOptions.defaults().toBuilder().build()).isEqualTo(JstpOptions.defaults())
                .hasSameHashCodeAs(JstpOptions.defaults());
        assertThat(TlsOptions.disabled().toBuilder().build()).isEqualTo(TlsOptions.defaults());
        assertThat(SessionLimits.defaults().toBuilder().build()).isEqualTo(SessionLimits.defaults());
        assertThat(LoginLimits.defaults().toBuilder().build()).isEqualTo(LoginLimits.defaults());
        assertThat(SocketOptions.builder().build()).isEqualTo(SocketOptions.defaults());
        assertThat(JstpOptions.builder().build()).isEqualTo(JstpOptions.defaults());
        assertThat(SessionLimits.builder().build()).isEqualTo(SessionLimits.defaults());
        assertThat(LoginLimits.builder().build()).isEqualTo(LoginLimits.defaults());
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        SocketOptions socket = SocketOptions.defaults();
        assertThat(socket.port()).isEqualTo(5000);
        assertThat(socket.delimiter()).isEqualTo("\n");
        assertThat(socket.maxLineBytes()).isEqualTo(SocketOptions.DEFAULT_MAX_LINE_BYTES);
        JstpOptions jstp = JstpOptions.defaults();
        assertThat(jstp.port()).isEqualTo(4000);
        assertThat(jstp.applications()).isEmpty();
        assertThat(jstp.effectiveMaxHandshakeBytes()).isEqualTo(JstpOptions.DEFAULT_MAX_HANDSHAKE_BYTES);
        assertThat(SessionLimits.defaults().maxEntries()).isEqualTo(1_000);
        assertThat(SessionLimits.defaults().maxBytes()).isEqualTo(1024L * 1024);
        assertThat(LoginLimits.defaults().maxFailures()).isEqualTo(10);
        assertThat(LoginLimits.defaults().queue()).isEqualTo(8);
        assertThat(TlsOptions.disabled().enabled()).isFalse();
    }

    @Test
    void aChangedValueShowsInEqualityAndText() {
        JstpOptions jstp = JstpOptions.defaults().toBuilder().heartbeatInterval(Duration.ofSeconds(7)).build();
        assertThat(jstp).isNotEqualTo(JstpOptions.defaults());
        assertThat(jstp.toString()).contains("heartbeatInterval=PT7S");
        assertThat(jstp.toBuilder().build()).isEqualTo(jstp);
        SocketOptions socket = SocketOptions.defaults().toBuilder().welcomeMessage("hi").build();
        assertThat(socket).isNotEqualTo(SocketOptions.defaults());
        assertThat(socket.toString()).contains("welcomeMessage=hi");
        assertThat(SessionLimits.builder().maxEntries(3).build().toString()).contains("maxEntries=3");
        assertThat(LoginLimits.builder().threads(2).build().toString()).contains("threads=2");
    }

    @Test
    void theLineCapCoversTheDataLengthAndTheDelimiter() {
        SocketOptions o = SocketOptions.builder().maxDataLength(2 * SocketOptions.DEFAULT_MAX_LINE_BYTES)
                .delimiter("\r\n").build();
        assertThat(o.maxLineBytes()).isEqualTo(2 * SocketOptions.DEFAULT_MAX_LINE_BYTES + 2);
        assertThat(o.toBuilder().build()).isEqualTo(o);
    }

    @Test
    void tlsTextHidesThePasswords() {
        TlsOptions tls = TlsOptions.pkcs12(Path.of("server.p12"), "secret");
        assertThat(tls.enabled()).isTrue();
        assertThat(tls.pkcs12Password()).isEqualTo("secret");
        assertThat(tls.toString()).doesNotContain("secret").contains("pkcs12Password=***");
        assertThat(TlsOptions.pem(Path.of("c.pem"), Path.of("k.pem")))
                .isEqualTo(TlsOptions.pem(Path.of("c.pem"), Path.of("k.pem")));
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> SocketOptions.builder().port(70_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port must be 0..65535");
        assertThatThrownBy(() -> JstpOptions.builder().maxHandshakeBytes(10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxHandshakeBytes");
        assertThatThrownBy(() -> TlsOptions.builder().enabled(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#12");
        assertThatThrownBy(() -> SessionLimits.builder().maxBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session limits must be positive");
        assertThatThrownBy(() -> LoginLimits.builder().maxDelay(Duration.ofMillis(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDelay must be >= initialDelay");
    }
}
