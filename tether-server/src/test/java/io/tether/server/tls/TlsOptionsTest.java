package io.tether.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsOptionsTest {
    private static final TlsOptions PEM = TlsOptions.pem(Path.of("c.pem"), Path.of("k.pem"));

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(PEM.clientAuth()).isEqualTo(ClientAuth.NONE);
        assertThat(PEM.trustedCertificates()).isNull();
        assertThat(PEM.clientPrincipal()).isEqualTo(ClientPrincipal.COMMON_NAME);
        assertThat(PEM.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(PEM.cipherSuites()).isEmpty();
        assertThat(PEM.reloadCheckInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(PEM.files()).containsExactly(Path.of("c.pem"), Path.of("k.pem"));
        assertThat(PEM.toBuilder().build()).isEqualTo(PEM).hasSameHashCodeAs(PEM);
    }

    @Test
    void everySettingShowsInEqualityAndText() {
        TlsOptions mtls = PEM.toBuilder().clientAuth(ClientAuth.REQUIRED).trustedCertificates(Path.of("ca.pem"))
                .clientPrincipal(ClientPrincipal.SUBJECT).protocols(List.of("TLSv1.3"))
                .cipherSuites(List.of("TLS_AES_128_GCM_SHA256")).reloadCheckInterval(Duration.ZERO)
                .keyPassword("hidden").build();
        assertThat(mtls).isNotEqualTo(PEM);
        assertThat(mtls.toBuilder().build()).isEqualTo(mtls);
        assertThat(mtls.toString()).contains("clientAuth=REQUIRED", "trustedCertificates=ca.pem",
                "clientPrincipal=SUBJECT", "protocols=[TLSv1.3]", "cipherSuites=[TLS_AES_128_GCM_SHA256]",
                "reloadCheckInterval=PT0S", "keyPassword=***").doesNotContain("hidden");
        assertThat(mtls.files()).containsExactly(Path.of("c.pem"), Path.of("k.pem"), Path.of("ca.pem"));
    }

    @Test
    void inconsistentSettingsAreRejected() {
        assertThatThrownBy(() -> PEM.toBuilder().clientAuth(ClientAuth.REQUIRED).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CA certificates");
        assertThatThrownBy(() -> PEM.toBuilder().trustedCertificates(Path.of("ca.pem")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client auth none");
        assertThatThrownBy(() -> PEM.toBuilder().protocols(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one protocol");
        assertThatThrownBy(() -> PEM.toBuilder().protocols(List.of("SSLv3")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SSLv3");
        assertThatThrownBy(() -> PEM.toBuilder().pkcs12(Path.of("a.p12")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> PEM.toBuilder().reloadCheckInterval(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reload check interval");
    }

    @Test
    void wordsParse() {
        assertThat(ClientAuth.parse("Required")).isEqualTo(ClientAuth.REQUIRED);
        assertThat(ClientAuth.parse("optional")).isEqualTo(ClientAuth.OPTIONAL);
        assertThatThrownBy(() -> ClientAuth.parse("want")).hasMessageContaining("none, optional or required");
        assertThat(ClientPrincipal.parse("cn")).isEqualTo(ClientPrincipal.COMMON_NAME);
        assertThat(ClientPrincipal.parse("subject")).isEqualTo(ClientPrincipal.SUBJECT);
        assertThat(ClientPrincipal.parse("none")).isEqualTo(ClientPrincipal.NONE);
        assertThatThrownBy(() -> ClientPrincipal.parse("uid")).hasMessageContaining("cn, subject or none");
    }

    @Test
    void theCommonNameIsTheMostSpecificCn() {
        assertThat(TlsPeer.commonName("CN=alice,OU=ops,O=Example")).contains("alice");
        assertThat(TlsPeer.commonName("CN=leaf,OU=x,CN=outer")).contains("leaf");
        assertThat(TlsPeer.commonName("O=Example")).isEmpty();
        assertThat(TlsPeer.commonName("CN=a\\,b,O=x")).contains("a,b");
    }
}
