package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Handshake strategies, version selection, timeout and pipelining over real sockets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JstpHandshakeIT {
    private final JstpTestServer server = new JstpTestServer(b -> b.handshakeTimeout(Duration.ofMillis(1000)));

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"^1.0.0, 1.0.0", "1, 1.0.0", "1.x, 1.0.0", ">1.0.0, 2.0.0", "1.0.0, 1.0.0", "2.0.0, 2.0.0"})
    void versionSelection(String range, String version) throws Exception {
        try (JstpTestClient c = server.client()) {
            assertThat(c.send("{handshake:[0,'testApp','" + range + "']}").read().get("ok")).isInstanceOf(String.class);
            assertThat(c.request("{call:[1,'testInterface'],appVersion:[]}"))
                    .isEqualTo("{callback:[1],ok:['" + version + "']}");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"'testApp','^3.0.0'", "'testApp','not a range ^^'",
        "'testApp','3.0.0'", "'noApp'"})
    void appNotFound(String header) throws Exception {
        try (JstpTestClient c = server.client()) {
            assertThat(c.request("{handshake:[0," + header + "]}")).isEqualTo("{handshake:[0],error:[10]}");
            assertThat(c.closedWithin(2000)).isTrue();
        }
    }

    @Test
    void anonymousExplicitAndLogin() throws Exception {
        try (JstpTestClient c = server.client()) {
            assertThat(c.send("{handshake:[0,'testApp'],anonymous:[]}").read().get("ok")).isInstanceOf(String.class);
        }
        try (JstpTestClient c = server.client()) {
            Map<String, Object> reply = c.send("{handshake:[0,'testApp'],login:['user','secret']}").read();
            assertThat(reply.get("ok")).asString().matches("[0-9a-f-]{36}");
            assertThat(c.request("{call:[1,'testInterface'],whoami:[]}")).isEqualTo("{callback:[1],ok:['user']}");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"login:['user','bad']", "login:['nobody','secret']", "login:'user'",
        "login:['user']", "session:['nonexistent',0]", "session:5", "token:['x']"})
    void authFailures(String verb) throws Exception {
        try (JstpTestClient c = server.client()) {
            c.send("{handshake:[0,'testApp']," + verb + "}").send("{call:[1,'calculator'],answer:[]}");
            assertThat(c.readText()).isEqualTo("{handshake:[0],error:[11]}");
            assertThat(c.closedWithin(2000)).isTrue();
        }
    }

    @Test
    void builtinApplicationIsHosted() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("tether");
            assertThat(c.request("{inspect:[1,'calculator']}")).isEqualTo("{callback:[1],error:[12]}");
            assertThat(c.request("{inspect:[2,'chat']}")).isEqualTo("{callback:[2],ok:['join','leave','view','say']}");
        }
    }

    @Test
    void pipelinedMessagesAreProcessedAfterTheHandshakeInOrder() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.send("{handshake:[0,'testApp'],login:['user','secret']}")
                    .send("{call:[1,'testInterface'],whoami:[]}").send("{ping:[2]}");
            assertThat(c.read().get("ok")).isInstanceOf(String.class);
            assertThat(c.readText()).isEqualTo("{callback:[1],ok:['user']}");
            assertThat(c.readText()).isEqualTo("{pong:[2]}");
        }
    }

    @Test
    void handshakeTimeoutCloses() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.send("{}");
            long start = System.nanoTime();
            assertThat(c.closedWithin(3000)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(700),
                    Duration.ofMillis(2500));
        }
    }

    @Test
    void establishedConnectionOutlivesTheHandshakeTimeout() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            Thread.sleep(1200); // wall clock: past the handshake timeout (1 s), which no longer applies
            assertThat(c.request("{ping:[1]}")).isEqualTo("{pong:[1]}");
        }
    }
}
