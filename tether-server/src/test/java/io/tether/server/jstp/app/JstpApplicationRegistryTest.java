package io.tether.server.jstp.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JstpApplicationRegistryTest {
    private final JstpApplicationRegistry registry = new JstpApplicationRegistry(List.of(
            JstpApplication.builder("testApp", "1.0.0").build(),
            JstpApplication.builder("testApp", "2.0.0").build(),
            JstpApplication.builder("testApp", "2.1.0-beta.1").build()));

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
        "NONE, 2.1.0-beta.1", "'', 2.1.0-beta.1", "1.0.0, 1.0.0", "2.0.0, 2.0.0", "^1.0.0, 1.0.0", "1, 1.0.0", "1.x, 1.0.0",
        ">1.0.0, 2.0.0", "*, 2.0.0", "~1.0.0, 1.0.0", "1.0.0 - 2.0.0, 2.0.0", "^1.0.0 || ^2.0.0, 2.0.0",
        ">=2.1.0-beta.0, 2.1.0-beta.1", "2.1.0-beta.1, 2.1.0-beta.1"})
    void selectsHighestSatisfying(String requested, String expected) {
        assertThat(registry.select("testApp", requested)).map(JstpApplication::version).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"^3.0.0", "not a range ^^", "3.0.0", "1.0.1", "v1.0.0", ">2.0.0", "<1.0.0"})
    void unsatisfiableOrInvalidIsNotFound(String requested) {
        assertThat(registry.select("testApp", requested)).isEmpty();
    }

    @Test
    void unknownNameIsNotFound() {
        assertThat(registry.select("noApp", null)).isEqualTo(Optional.empty());
    }

    @Test
    void duplicateRegistrationFails() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> registry.register(JstpApplication.builder("testApp", "1.0.0").build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
