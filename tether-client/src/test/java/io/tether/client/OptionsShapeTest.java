package io.tether.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.client.jstp.JstpClientOptions;
import io.tether.client.socket.SocketClientOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsShapeTest {

    @Test
    void defaultsRoundTripThroughTheBuilder() {
        assertThat(SocketClientOptions.defaults().toBuilder().build()).isEqualTo(SocketClientOptions.defaults())
                .hasSameHashCodeAs(SocketClientOptions.defaults());
        assertThat(JstpClientOptions.defaults().toBuilder().build()).isEqualTo(JstpClientOptions.defaults())
                .hasSameHashCodeAs(JstpClientOptions.defaults());
        assertThat(ReconnectOptions.defaults().toBuilder().build()).isEqualTo(ReconnectOptions.defaults());
        assertThat(ReconnectOptions.builder().build()).isEqualTo(ReconnectOptions.defaults());
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(SocketClientOptions.defaults().port()).isEqualTo(5000);
        assertThat(SocketClientOptions.defaults().reconnect().maxAttempts()).isEqualTo(10);
        assertThat(JstpClientOptions.defaults().port()).isEqualTo(4000);
        assertThat(JstpClientOptions.defaults().heartbeatInterval()).isNull();
        assertThat(JstpClientOptions.defaults().reconnect()).isEqualTo(ReconnectOptions.defaults());
        assertThat(ReconnectOptions.defaults().enabled()).isTrue();
        assertThat(ReconnectOptions.defaults().maxAttempts()).isZero();
        assertThat(ReconnectOptions.disabled().enabled()).isFalse();
    }

    @Test
    void aChangedValueShowsInEqualityAndText() {
        JstpClientOptions jstp = JstpClientOptions.defaults().toBuilder().callTimeout(Duration.ofSeconds(3)).build();
        assertThat(jstp).isNotEqualTo(JstpClientOptions.defaults());
        assertThat(jstp.toString()).contains("callTimeout=PT3S");
        assertThat(jstp.toBuilder().build()).isEqualTo(jstp);
        SocketClientOptions socket = SocketClientOptions.builder().host("example.org").build();
        assertThat(socket.toString()).contains("host=example.org");
        assertThat(ReconnectOptions.of(ReconnectOptions.DEFAULT_BACKOFF, 3).toString()).contains("maxAttempts=3");
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> SocketClientOptions.builder().port(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port out of range");
        assertThatThrownBy(() -> JstpClientOptions.builder().maxMessageBytes(10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad port or maxMessageBytes");
        assertThatThrownBy(() -> ReconnectOptions.builder().maxAttempts(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts must be >= 0");
    }
}
