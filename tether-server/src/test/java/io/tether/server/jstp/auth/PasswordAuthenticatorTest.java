package io.tether.server.jstp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordAuthenticatorTest {
    private final PasswordHash hash = PasswordHash.create("secret".toCharArray(), 1_000);
    private final PasswordAuthenticator auth = new PasswordAuthenticator(Map.of("user", hash));

    @Test
    void hashIsSaltedAndNeverThePlainText() {
        PasswordHash other = PasswordHash.create("secret".toCharArray(), 1_000);
        assertThat(hash.encoded()).doesNotContain("secret").startsWith("pbkdf2-sha256$1000$");
        assertThat(other.encoded()).isNotEqualTo(hash.encoded());
        assertThat(PasswordHash.parse(hash.encoded()).matches("secret".toCharArray())).isTrue();
        assertThat(hash.matches("Secret".toCharArray())).isFalse();
    }

    @Test
    void acceptsOnlyTheRightCredentials() {
        assertThat(auth.authenticate("login", List.of("user", "secret"))).contains("user");
        assertThat(auth.authenticate("login", List.of("user", "bad"))).isEmpty();
        assertThat(auth.authenticate("login", List.of("nobody", "secret"))).isEmpty();
        assertThat(auth.authenticate("login", List.of("user"))).isEmpty();
        assertThat(auth.authenticate("login", List.of("user", "secret", "x"))).isEmpty();
        assertThat(auth.authenticate("login", "user:secret")).isEmpty();
        assertThat(auth.authenticate("token", List.of("user", "secret"))).isEmpty();
    }
}
