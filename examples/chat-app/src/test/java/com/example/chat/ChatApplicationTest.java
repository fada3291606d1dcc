package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.client.socket.SocketRemoteException;
import io.tether.test.TetherTestServer;
import io.tether.testkit.LineClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import io.tether.test.TetherExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat application on a real server (free ports, both protocols), through real clients. */
class ChatApplicationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final TetherExtension TETHER = TetherExtension.of(new ChatApplication());

    @Test
    void greetOverTheSocketProtocol(TetherTestServer server) {
        assertThat(server.socketClient().actionWithParams("greet", Map.of("name", "Ada")).join().get("greeting"))
                .isEqualTo("Hello, Ada!");
    }

    @Test
    void greetWithoutANameIsAnError(TetherTestServer server) {
        assertThatThrownBy(() -> server.socketClient().action("greet").join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(SocketRemoteException.class).hasMessageContaining("name");
    }

    @Test
    void greetOverJstpIsAMethodOfTheActionsInterface(TetherTestServer server) {
        assertThat(server.jstpClient().callMethod("api", "greet", Map.of("name", "Ada")).join())
                .containsExactly(Map.of("greeting", "Hello, Ada!"));
    }

    @Test
    void theJstpApplicationSaysHi(TetherTestServer server) {
        assertThat(server.jstpClient("chat").callMethod("greeter", "hi", "Ada").join()).isEqualTo(List.of("Hi, Ada!"));
    }

    @Test
    void announceReachesTheLobbyMembers(TetherTestServer server) {
        LineClient member = server.lineClient();
        member.send("roomAdd " + ChatApplication.LOBBY);
        assertThat(member.readMap(WAIT)).containsEntry("data", true);

        Map<String, Object> reply = server.socketClient()
                .actionWithParams("announce", Map.of("room", ChatApplication.LOBBY, "message", "hello")).join().body();
        assertThat(reply).containsEntry("members", 1);
        Map<String, Object> said = member.readMap(WAIT);
        assertThat(said).containsEntry("room", ChatApplication.LOBBY).containsEntry("message", "HELLO")
                .containsEntry("context", "user");
    }
}
