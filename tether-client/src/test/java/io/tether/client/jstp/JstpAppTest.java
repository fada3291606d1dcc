package io.tether.client.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JstpAppTest {

    @Test
    void splitsAtTheLastAtAndValidatesRanges() {
        assertThat(JstpApp.parse("testApp")).isEqualTo(new JstpApp("testApp", null));
        assertThat(JstpApp.parse("testApp@^1.0.0").version()).isEqualTo("^1.0.0");
        assertThat(JstpApp.parse("@scope/app@1.x")).isEqualTo(JstpApp.of("@scope/app", "1.x"));
        assertThat(JstpApp.parse("testApp@1.2.3 - 2.3.4").version()).isEqualTo("1.2.3 - 2.3.4");
        assertThat(JstpApp.parse("testApp@>=1 <2 || 3").toString()).isEqualTo("testApp@>=1 <2 || 3");
        assertThatThrownBy(() -> JstpApp.parse("testApp@not a range ^^"))
                .hasMessage("Invalid semver version range: not a range ^^");
        assertThatThrownBy(() -> JstpApp.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void remoteErrorsUseTheDefaultTexts() {
        assertThat(JstpRemoteException.fromWire(List.of(12L)).getMessage()).isEqualTo("Interface not found");
        assertThat(new JstpRemoteException(-1).getMessage()).isEqualTo("Connection closed before receiving callback");
        assertThat(new JstpRemoteException(-2).getMessage()).isEqualTo("Connection closed before receiving handshake");
        JstpRemoteException custom = JstpRemoteException.fromWire(List.of(42L, "custom", "i1", 2L));
        assertThat(custom.code()).isEqualTo(42);
        assertThat(custom.info()).containsExactly("i1", 2L);
        assertThat(JstpRemoteException.fromWire(List.of(99L)).getMessage()).isEqualTo("99");
        assertThat(custom.toWire()).containsExactly(42, "custom", "i1", 2L);
        assertThat(new JstpRemoteException(14, "ignored", null).toWire()).containsExactly(14);
    }
}
