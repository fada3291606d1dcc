package io.tether.server.primus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.TetherException;
import io.tether.core.TetherCore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrimusOptionsTest {

    @Test
    void defaultsRoundTripAndAreTheDocumentedOnes() {
        PrimusOptions d = PrimusOptions.defaults();
        assertThat(d.toBuilder().build()).isEqualTo(d).hasSameHashCodeAs(d);
        assertThat(d.path()).isEqualTo("/primus");
        assertThat(d.pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.clientScriptPath()).isEqualTo("/public/javascript/ActionheroWebsocketClient.js");
        assertThat(d.clientScript()).isNull();
        PrimusOptions changed = d.toBuilder().pingInterval(Duration.ofSeconds(7)).build();
        assertThat(changed).isNotEqualTo(d);
        assertThat(changed.toString()).contains("pingInterval=PT7S");
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> PrimusOptions.builder().path("primus")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrimusOptions.builder().pingInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingClientScriptFailsAtStartupNamingTheFile() {
        try (TetherCore core = TetherCore.builder().build()) {
            PrimusOptions options = PrimusOptions.defaults().toBuilder()
                    .clientScript(Path.of("no/such/ActionheroWebsocketClient.js")).build();
            assertThatThrownBy(() -> new PrimusEndpoint(core, options)).isInstanceOf(TetherException.class)
                    .hasMessageContaining("no/such/ActionheroWebsocketClient.js").hasMessageContaining("build-client.js");
        }
    }
}
