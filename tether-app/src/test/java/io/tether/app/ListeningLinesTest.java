package io.tether.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.server.jstp.JstpOptions;
import io.tether.api.jstp.JstpApplication;

import org.junit.jupiter.api.Test;

/** The application list of the JSTP listening line. */
class ListeningLinesTest {
    @Test
    void builtinApplicationFirstThenHostedOnes() {
        assertThat(ListeningLines.applications(JstpOptions.defaults())).containsExactly("tether@1.0.0");
        JstpOptions.Builder withTestApp = JstpOptions.defaults().toBuilder();
        io.tether.testkit.jstp.JstpTestApp.applications().forEach(withTestApp::application);
        assertThat(ListeningLines.applications(withTestApp.build()))
                .containsExactly("tether@1.0.0", "testApp@1.0.0", "testApp@2.0.0");
    }

    @Test
    void noBuiltinAndNoApplicationsSaysNone() {
        JstpOptions none = JstpOptions.defaults().toBuilder().builtinApplication("").build();
        assertThat(ListeningLines.applications(none)).containsExactly("none");
        JstpOptions own = none.toBuilder().application(JstpApplication.builder("tether", "1.0.0").build())
                .builtinApplication("tether").build();
        assertThat(ListeningLines.applications(own)).as("an own app replacing the built-in one is listed once")
                .containsExactly("tether@1.0.0");
    }
}
