package io.tether.server.socket;

import static io.tether.server.socket.SocketServerFixture.WAIT;
import static io.tether.server.socket.SocketServerFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.testkit.LineClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketVerbsIT {
    private final SocketServerFixture fx = SocketServerFixture.start();

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void welcomeComesFirstAndSilentConnectionsStayOpen() {
        LineClient c = fx.client();
        assertThat(c.isSilentFor(Duration.ofMillis(300))).isTrue();
        assertThat(call(c, "paramsView")).containsEntry("status", "OK");
    }

    @Test
    void paramAddViewDeleteWithExactReplies() {
        LineClient c = fx.client();
        c.send("paramAdd key=a=b");
        assertThat(c.readLine(WAIT)).matches(
                "\\{\"status\":\"OK\",\"context\":\"response\",\"messageId\":\"[0-9a-f-]{36}\",\"messageCount\":1}");
        call(c, "paramAdd value hello world");
        call(c, "paramAdd notAnInput=x");
        call(c, "paramAdd");
        c.send("paramView key");
        assertThat(c.readLine(WAIT)).matches(
                "\\{\"status\":\"OK\",\"context\":\"response\",\"data\":\"a\",\"messageId\":\"[0-9a-f-]{36}\",\"messageCount\":5}");
        assertThat(call(c, "paramsView")).containsEntry("data", Map.of("key", "a", "value", "hello"));
        assertThat(call(c, "paramView nothing")).doesNotContainKey("data").containsEntry("status", "OK");
        assertThat(call(c, "paramView")).doesNotContainKey("data");
        assertThat(call(c, "paramAdd key=")).doesNotContainKey("data");
        assertThat(call(c, "paramView key")).containsEntry("data", "");
        call(c, "paramDelete key");
        assertThat(call(c, "paramsView")).containsEntry("data", Map.of("value", "hello"));
        call(c, "paramAdd value");
        assertThat(call(c, "paramsView")).containsEntry("data", Map.of());
        call(c, "paramAdd key=k1");
        assertThat(call(c, "paramsDelete")).doesNotContainKey("data").containsEntry("messageCount", 16);
        assertThat(call(c, "paramsView")).containsEntry("data", Map.of());
    }

    @Test
    void verbsAreCaseSensitiveAndMistypedVerbsAreUnknownActions() {
        LineClient c = fx.client();
        assertThat(call(c, "PARAMSVIEW")).containsEntry("error", "unknown action or invalid apiVersion")
                .doesNotContainKey("status");
        assertThat(call(c, "addParam key=x")).containsEntry("error", "unknown action or invalid apiVersion");
        assertThat(call(c, "paramsView")).containsEntry("data", Map.of("action", "addParam"));
        assertThat(call(c, " ")).containsEntry("error", "unknown action or invalid apiVersion");
    }

    @Test
    void emptyLinesGetNoReplyAndDoNotCount() {
        LineClient c = fx.client();
        c.sendRaw("\r\n\n\r\r\nparamsView\r\n");
        Map<String, Object> reply = c.readMap(WAIT);
        assertThat(reply).containsEntry("messageCount", 1);
        assertThat(c.isSilentFor(Duration.ofMillis(200))).isTrue();
    }

    @Test
    void detailsViewShowsTheConnection() {
        LineClient c = fx.client();
        call(c, "paramAdd key=abc");
        Map<String, Object> reply = call(c, "detailsView");
        assertThat(reply.keySet()).containsExactly("status", "context", "data", "messageId", "messageCount");
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) reply.get("data");
        assertThat(d.keySet()).containsExactly("id", "fingerprint", "remoteIP", "remotePort", "params",
                "connectedAt", "rooms", "totalActions", "pendingActions");
        assertThat(d.get("fingerprint")).isEqualTo(d.get("id"));
        assertThat((String) d.get("id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(d).containsEntry("remoteIP", "127.0.0.1").containsEntry("remotePort", c.localPort())
                .containsEntry("params", Map.of("key", "abc")).containsEntry("rooms", List.of())
                .containsEntry("totalActions", 0).containsEntry("pendingActions", 0);
        assertThat(((Number) d.get("connectedAt")).longValue())
                .isBetween(System.currentTimeMillis() - 10_000, System.currentTimeMillis());
    }

    @Test
    void documentationListsActionsInTheHistoricalShape() {
        LineClient c = fx.client();
        Map<String, Object> reply = call(c, "documentation");
        assertThat(reply).containsEntry("status", "OK");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) reply.get("data");
        assertThat(data).containsKeys("sleepTest", "cacheTest", "randomNumber");
        assertThat(data.get("cacheTest")).isEqualTo(Map.of("1", Map.of("name", "cacheTest", "version", 1,
                "description", "stores and reads back a value",
                "inputs", Map.of("key", Map.of("required", true), "value", Map.of("required", true)),
                "outputExample", Map.of())));
    }

    @Test
    void quitAndExitSayByeAndClose() {
        for (String verb : List.of("quit", "exit")) {
            LineClient c = fx.client();
            c.send(verb);
            assertThat(c.readLine(WAIT)).isEqualTo("{\"status\":\"Bye\",\"context\":\"api\"}");
            assertThat(c.awaitClosed(WAIT)).isTrue();
        }
    }

    @Test
    void quitDropsPendingRepliesAndLaterLines() {
        LineClient c = fx.client();
        c.send("paramAdd sleepDuration=300\nsleepTest\nquit\nparamsView");
        assertThat(c.readMap(WAIT)).containsEntry("status", "OK");
        assertThat(c.readLine(WAIT)).isEqualTo("{\"status\":\"Bye\",\"context\":\"api\"}");
        assertThat(c.readLine(Duration.ofSeconds(1))).isNull();
    }

    @Test
    void breakCharactersActAsQuit() throws InterruptedException {
        LineClient ctrlD = fx.client();
        ctrlD.sendRaw(new byte[] {0x04});
        assertThat(ctrlD.readLine(WAIT)).isEqualTo("{\"status\":\"Bye\",\"context\":\"api\"}");
        assertThat(ctrlD.awaitClosed(WAIT)).isTrue();

        LineClient ctrlC = fx.client();
        ctrlC.sendRaw("partial");
        Thread.sleep(100); // let the partial line arrive as its own read
        ctrlC.sendRaw(new byte[] {(byte) 0xFF, (byte) 0xF4, (byte) 0xFF, (byte) 0xFD, 0x06});
        assertThat(ctrlC.readLine(WAIT)).isEqualTo("{\"status\":\"Bye\",\"context\":\"api\"}");
        assertThat(ctrlC.awaitClosed(WAIT)).isTrue();
    }

    @Test
    void breakByteInsideALineIsOrdinary() {
        LineClient c = fx.client();
        c.sendRaw(new byte[] {0x04, 'x', '\n'});
        assertThat(c.readMap(WAIT)).containsEntry("error", "unknown action or invalid apiVersion");
    }

    @Test
    void clientMessagesInSeveralSegmentsAndCrLfVariants() throws InterruptedException {
        LineClient c = fx.client();
        c.sendRaw("param");
        Thread.sleep(50); // wall clock: the segments reach the server as separate reads
        c.sendRaw("sView\rparamsView\r\nparamsView\n");
        assertThat(c.readMap(WAIT)).containsEntry("messageCount", 1);
        assertThat(c.readMap(WAIT)).containsEntry("messageCount", 2);
        assertThat(c.readMap(WAIT)).containsEntry("messageCount", 3);
    }

    @Test
    void multiByteCharacterSplitAcrossSegmentsSurvives() throws InterruptedException {
        LineClient c = fx.client();
        byte[] line = "paramAdd key=€uro\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int split = "paramAdd key=".length() + 1;
        c.sendRaw(java.util.Arrays.copyOfRange(line, 0, split));
        Thread.sleep(50); // wall clock: the segments reach the server as separate reads
        c.sendRaw(java.util.Arrays.copyOfRange(line, split, line.length));
        c.readMap(WAIT);
        c.send("paramView key");
        assertThat(c.readLine(WAIT)).contains("\"data\":\"€uro\"");
    }
}
