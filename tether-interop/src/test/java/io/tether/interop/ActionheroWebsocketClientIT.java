package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.app.TetherApp;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.server.TetherServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ActionHero's own browser client, {@code ActionheroWebsocketClient} with Primus' client library
 * as actionhero@29.3.5 renders them, unchanged, in node (the {@code ws} package as the browser's
 * WebSocket), against the Primus endpoint: welcome, details, actions (a validation error, an
 * unknown action), rooms, chat between two clients, documentation, file, an unknown event and a
 * frame that is not JSON (a clear error, the connection goes on).
 */
class ActionheroWebsocketClientIT {
    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRealClientCallsActionsAndChats() throws Exception {
        session(server.origin(), WebTestServer.WELCOME);
    }

    /**
     * The runnable server with {@code tether.http} on: the same session, and over HTTP the pages
     * (the JSTP page with the listener's JSTP path, application and interfaces), both client
     * scripts and the actions' documentation.
     */
    @Test
    void theRunnableServerServesPrimusTheClientScriptAndTheDemoPage() throws Exception {
        String welcome = "Welcome to the tether app";
        Map<String, Object> cli = Map.of(
                "tether.socket.host", "127.0.0.1", "tether.socket.port", 0, "tether.socket.welcome", welcome,
                "tether.jstp.host", "127.0.0.1", "tether.jstp.port", 0,
                "tether.http.enabled", true, "tether.http.host", "127.0.0.1", "tether.http.port", 0,
                "tether.http.actionhero-client-script", WebTestServer.clientScript().toString(),
                "tether.http.jstp-client-script", WebTestServer.jstpClientScript().toString());
        try (TetherServer app = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), cli), null))) {
            String origin = "http://127.0.0.1:" + app.port("http");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(origin + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("/public/javascript/ActionheroWebsocketClient.js", "/demo.js");
            HttpResponse<String> script = http.send(HttpRequest.newBuilder(
                    URI.create(origin + "/public/javascript/ActionheroWebsocketClient.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body()).isEqualTo(Files.readString(WebTestServer.clientScript()));
            HttpResponse<String> jstpPage = http.send(HttpRequest.newBuilder(URI.create(origin + "/jstp.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(jstpPage.statusCode()).isEqualTo(200);
            assertThat(jstpPage.body()).contains("data-jstp-path=\"/jstp\"", "data-application=\"tether\"",
                    "data-actions-interface=\"api\"", "data-chat-interface=\"chat\"", "/public/javascript/jstp.umd.js");
            HttpResponse<String> jstpScript = http.send(HttpRequest.newBuilder(
                    URI.create(origin + "/public/javascript/jstp.umd.js")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(jstpScript.body()).isEqualTo(Files.readString(WebTestServer.jstpClientScript()));
            HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create(origin + "/documentation.json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JsonMapper.builder().build().readTree(docs.body()).get("cacheTest").get("1").get("inputs")
                    .get("key").get("required").asBoolean()).isTrue();
            session(origin, welcome);
        }
    }

    private static void session(String origin, String welcome) throws Exception {
        NodeScript.Result result = NodeScript.run("ahws-client-session.js", Map.of(),
                WebTestServer.clientScript().toString(), origin, welcome);
        assertThat(result.exitCode()).as("node session output:%n%s", result.output()).isZero();
        String line = result.output().lines().filter(l -> l.startsWith("SESSION-OK ")).findFirst()
                .orElseThrow(() -> new AssertionError("no SESSION-OK line in:\n" + result.output()));
        JsonNode summary = JsonMapper.builder().build().readTree(line.substring("SESSION-OK ".length()));
        assertThat(summary.get("heard").asString()).isEqualTo("hello from b");
        assertThat(summary.get("unknown").asString()).isEqualTo("Error: verb not found or not allowed (nope)");
        assertThat(summary.get("frameError").asString()).startsWith("malformed JSON");
    }
}
