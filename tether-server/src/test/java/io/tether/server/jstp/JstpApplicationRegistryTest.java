package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.jstp.JstpApplication;
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
    void aSpacePaddedVersionIsNotFoundPromptly() {
        long t0 = System.nanoTime();
        assertThat(registry.select("testApp", " ".repeat(40_000) + "x")).isEmpty();
        assertThat(registry.select("testApp", " ".repeat(200) + "x")).isEmpty();
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L); // the regex took 12 s
    }

    @Test
    void namesAndVersionsOverTheirCapsAreNotFoundEvenWhenTheyWouldMatch() {
        String padded = "1.0.0" + " ".repeat(JstpApplicationRegistry.MAX_VERSION_LENGTH);
        assertThat(registry.select("testApp", padded)).isEmpty();
        assertThat(registry.select("testApp", padded.substring(0, JstpApplicationRegistry.MAX_VERSION_LENGTH)))
                .isEmpty(); // a valid exact version, but not the exact string registered
        assertThat(registry.select("testApp", "^1.0.0" + " ".repeat(JstpApplicationRegistry.MAX_VERSION_LENGTH - 6)))
                .map(JstpApplication::version).contains("1.0.0");
        String longName = "a".repeat(JstpApplicationRegistry.MAX_NAME_LENGTH + 1);
        JstpApplicationRegistry withLong = new JstpApplicationRegistry(List.of(JstpApplication.builder(longName, "1.0.0").build()));
        assertThat(withLong.select(longName, null)).isEmpty();
    }

    @Test
    void aLongPrereleaseUpToTheCapNeitherOverflowsNorMatches() {
        String pre = "1.0.0-" + "a.".repeat((JstpApplicationRegistry.MAX_VERSION_LENGTH - 7) / 2) + "!";
        assertThat(pre.length()).isLessThanOrEqualTo(JstpApplicationRegistry.MAX_VERSION_LENGTH);
        assertThat(registry.select("testApp", pre)).isEmpty();
        assertThat(registry.select("testApp", ">=" + pre.substring(0, pre.length() - 1) + "0")).isEmpty();
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
