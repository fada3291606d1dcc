package io.tether.app.it;

import static io.tether.app.it.Shapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.server.TetherServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replays a session observed against the reference ActionHero server on the demo app over a real
 * socket.
 */
class TranscriptIT {
    private final TetherServer server = TestServers.start(Map.of());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void replaysTheSpecSession() throws IOException {
        try (LineClient c = new LineClient("127.0.0.1", server.port("socket"))) {
            assertShape(c.read(), """
                    {"welcome":"Welcome to the tether test api","context":"api"}""");
            c.send("detailsView");
            Map<String, Object> details = c.read();
            assertShape(details, """
                    {"status":"OK","context":"response","data":{"id":"<uuid>","fingerprint":"<uuid>",
                     "remoteIP":"127.0.0.1","remotePort":"<number>","params":{},"connectedAt":"<number>",
                     "rooms":[],"totalActions":0,"pendingActions":0},"messageId":"<uuid>","messageCount":1}""");
            String id = (String) ((Map<?, ?>) details.get("data")).get("id");
            assertThat(((Map<?, ?>) details.get("data")).get("fingerprint")).isEqualTo(id);

            c.send("cacheTest");
            assertShape(c.read(), """
                    {"error":"key is a required parameter for this action","context":"response",
                     "messageId":"<uuid>","messageCount":2}""");
            c.send("paramAdd key=myKey");
            assertShape(c.read(), """
                    {"status":"OK","context":"response","messageId":"<uuid>","messageCount":3}""");
            c.send("paramAdd value=myValue");
            assertShape(c.read(), """
                    {"status":"OK","context":"response","messageId":"<uuid>","messageCount":4}""");
            c.send("paramsView");
            assertShape(c.read(), """
                    {"status":"OK","context":"response","data":{"action":"cacheTest","key":"myKey","value":"myValue"},
                     "messageId":"<uuid>","messageCount":5}""");
            c.send("cacheTest");
            assertShape(c.read(), """
                    {"cacheTestResults":{"saveResp":true,"sizeResp":1,
                       "loadResp":{"key":"cacheTest_myKey","value":"myValue","createdAt":"<number>"},"deleteResp":true},
                     "context":"response","messageId":"<uuid>","messageCount":6}""");
            c.send("roomAdd defaultRoom");
            assertShape(c.read(), """
                    {"status":"OK","context":"response","data":true,"messageId":"<uuid>","messageCount":7}""");
            c.send("say defaultRoom hooray!");
            sayReplies(c, id);
            c.send("roomView defaultRoom");
            assertShape(c.read(), """
                    {"status":"OK","context":"response","data":{"room":"defaultRoom",
                       "members":{"%s":{"id":"%s","joinedAt":"<number>"}},"membersCount":1},
                     "messageId":"<uuid>","messageCount":9}""".formatted(id, id));
            c.send("hello");
            assertShape(c.read(), """
                    {"error":"unknown action or invalid apiVersion","context":"response",
                     "messageId":"<uuid>","messageCount":10}""");
            c.send("exit");
            assertShape(c.read(), """
                    {"status":"Bye","context":"api"}""");
            assertThat(c.readLine()).as("server closes after Bye").isNull();
        }
    }

    /**
     * The OK reply and the broadcast; their order is not guaranteed (the broadcast may come first).
     */
    private static void sayReplies(LineClient c, String id) throws IOException {
        Map<String, Object> first = c.read();
        Map<String, Object> second = c.read();
        List<Map<String, Object>> both = "user".equals(first.get("context")) ? List.of(second, first)
                : List.of(first, second);
        assertShape(both.get(0), """
                {"status":"OK","context":"response","messageId":"<uuid>","messageCount":8}""");
        assertShape(both.get(1), """
                {"message":"hooray!","room":"defaultRoom","from":"%s","context":"user","sentAt":"<number>"}"""
                .formatted(id));
    }

    @Test
    void servesThePublicDirectoryAndTheOtherDemoActions() throws IOException {
        try (LineClient c = new LineClient("127.0.0.1", server.port("socket"))) {
            c.read();
            c.send("file hello.txt");
            for (String expected : Files.readAllLines(Path.of("public", "hello.txt"))) {
                assertThat(c.readLine()).isEqualTo(expected);
            }
            c.send("file ../pom.xml");
            assertThat(c.readLine()).isEqualTo("\"that file is not found\"");
            c.send("randomNumber");
            Map<String, Object> random = c.read();
            assertShape(random, """
                    {"randomNumber":"<number>","stringRandomNumber":"<string>","context":"response",
                     "messageId":"<uuid>","messageCount":3}""");
            assertThat(random.get("stringRandomNumber")).asString().startsWith("Your random number is 0.");
            c.send("{\"action\":\"sleepTest\",\"params\":{\"sleepDuration\":\"abc\"}}");
            Map<String, Object> sleep = c.read();
            assertShape(sleep, """
                    {"sleepStarted":"<number>","sleepEnded":"<number>","sleepDelta":"<number>","sleepDuration":null,
                     "context":"response","messageId":"<uuid>","messageCount":4}""");
            c.send("status");
            assertShape(c.read(), """
                    {"id":"<string>","actionheroVersion":"29.3.5","tetherVersion":"<string>","name":"tether","description":"<string>",
                     "version":"<string>","uptime":"<number>","consumedMemoryMB":"<number>",
                     "nodeStatus":"Node Healthy","problems":[],"context":"response","messageId":"<uuid>",
                     "messageCount":5}""");
        }
    }
}
