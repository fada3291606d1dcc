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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chat application on a real server (free ports, both protocols), through real clients. */
class ChatApplicationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TetherTestServer server;

    @BeforeAll
    static void start() {
        server = TetherTestServer.start(new ChatApplication());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void greetOverTheSocketProtocol() {
        assertThat(server.socketClient().actionWithParams("greet", Map.of("name", "Ada")).join().get("greeting"))
                .isEqualTo("Hello, Ada!");
    }

    @Test
    void greetWithoutANameIsAnError() {
        assertThatThrownBy(() -> server.socketClient().action("greet").join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(SocketRemoteException.class).hasMessageContaining("name");
    }

    @Test
    void greetOverJstpIsAMethodOfTheActionsInterface() {
        assertThat(server.jstpClient().callMethod("api", "greet", Map.of("name", "Ada")).join())
                .containsExactly(Map.of("greeting", "Hello, Ada!"));
    }

    @Test
    void theJstpApplicationSaysHi() {
        assertThat(server.jstpClient("chat").callMethod("greeter", "hi", "Ada").join()).isEqualTo(List.of("Hi, Ada!"));
    }

    @Test
    void announceReachesTheLobbyMembers() {
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
