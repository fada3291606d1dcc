package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restore is tied to the application version the session was opened with (issue #11 item
 * 12): testApp is hosted as 1.0.0 and 2.0.0; a session opened on 1.0.0 never continues as
 * 2.0.0. Crafted session ids are refused like unknown ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JstpSessionVersionIT {
    private final JstpTestServer server = new JstpTestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private String openOn(String version) throws Exception {
        try (JstpTestClient c = server.client()) {
            Object ok = c.send("{handshake:[0,'testApp','" + version + "']}").read().get("ok");
            assertThat(ok).isInstanceOf(String.class);
            return (String) ok;
        }
    }

    private String restoreAndAskVersion(String id, String versionPart) throws Exception {
        try (JstpTestClient c = server.client()) {
            String reply = c.request("{handshake:[0,'testApp'" + versionPart + "],session:['" + id + "',0]}");
            if (!reply.startsWith("{handshake:[0],ok:")) {
                return reply;
            }
            return c.request("{call:[1,'testInterface'],appVersion:[]}");
        }
    }

    @Test
    void restoreWithoutVersionKeepsTheSessionsVersion() throws Exception {
        String id = openOn("1.0.0");
        assertThat(restoreAndAskVersion(id, "")).isEqualTo("{callback:[1],ok:['1.0.0']}");
        String two = openOn("2.0.0");
        assertThat(restoreAndAskVersion(two, "")).isEqualTo("{callback:[1],ok:['2.0.0']}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "^1.0.0", "1.x", "<2.0.0"})
    void restoreNamingTheSessionsVersionOrARangeItSatisfies(String requested) throws Exception {
        String id = openOn("1.0.0");
        assertThat(restoreAndAskVersion(id, ",'" + requested + "'")).isEqualTo("{callback:[1],ok:['1.0.0']}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0.0", ">1.0.0", "^2.0.0", "2.x"})
    void restoreNamingAnotherVersionIsRefusedLikeAnUnknownSession(String requested) throws Exception {
        String id = openOn("1.0.0");
        assertThat(restoreAndAskVersion(id, ",'" + requested + "'")).isEqualTo("{handshake:[0],error:[11]}");
        // the session itself is untouched
        assertThat(restoreAndAskVersion(id, "")).isEqualTo("{callback:[1],ok:['1.0.0']}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "", "00000000-0000-0000-0000-00000000000", "00000000-0000-0000-0000-0000000000000",
        "ABCDEF00-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000:owner", "../../etc"})
    void craftedIdsAreRefusedLikeUnknownSessions(String crafted) throws Exception {
        assertThat(restoreAndAskVersion(crafted, "")).isEqualTo("{handshake:[0],error:[11]}");
    }
}
