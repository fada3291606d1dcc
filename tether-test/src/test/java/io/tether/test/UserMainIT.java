package io.tether.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.test.sample.NotesMain;
import io.tether.testkit.LineClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's {@code main} built on {@link io.tether.app.Tether#run} ({@link NotesMain}), run as its
 * own JVM: the config file and a {@code TETHER_*} variable apply, the admin endpoint answers
 * {@code /health/ready} and {@code /metrics}, and SIGTERM says {@code Bye} to a connected socket
 * client and exits with 0. The process has no logging configuration: the entry point's console
 * default applies (INFO, no Logback DEBUG fallback).
 */
class UserMainIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern SOCKET = Pattern.compile("socket listening on 127\\.0\\.0\\.1:(\\d+) \\(");
    private static final Pattern ADMIN = Pattern.compile("admin listening on 127\\.0\\.0\\.1:(\\d+) ");
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void kill() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void configFileAndEnvironmentApplyAdminAnswersAndSigtermSaysByeAndExitsZero(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("notes.conf"), """
                tether {
                  socket.welcome = "Welcome to the notes server"
                  admin { host = "127.0.0.1", port = 0 }
                  jstp.enabled = false
                }
                """);
        Process p = start(Map.of("TETHER_SERVER_ID", "notes-7", "TETHER_SOCKET_HOST", "127.0.0.1",
                "TETHER_SOCKET_PORT", "0"), "--config", config.toString());
        BlockingQueue<String> out = output(p);
        List<String> seen = new ArrayList<>();
        int socketPort = port(awaitLine(out, SOCKET, seen), SOCKET);  // 127.0.0.1: TETHER_SOCKET_HOST applied
        int adminPort = port(awaitLine(out, ADMIN, seen), ADMIN);      // the file's admin section applied

        HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
        HttpResponse<String> ready = get(http, adminPort, "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get(http, adminPort, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("tether_");

        try (LineClient client = LineClient.connect("127.0.0.1", socketPort)) {
            assertThat(client.readMap(WAIT)).containsEntry("welcome", "Welcome to the notes server"); // the file
            client.send("whoami");
            assertThat(client.readMap(WAIT)).containsEntry("serverId", "notes-7"); // TETHER_SERVER_ID
            p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            assertThat(client.readMap(WAIT)).containsEntry("status", "Bye").containsEntry("context", "api");
            assertThat(client.awaitClosed(WAIT)).as("closed after Bye").isTrue();
        }
        assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(p.exitValue()).isZero();
        await().atMost(WAIT).untilAsserted(() -> { // the reader thread drains the last lines
            out.drainTo(seen);
            assertThat(seen).anyMatch(line -> line.endsWith("tether - stopped"));
        });
        assertThat(seen).as("the entry point's console default, not Logback's DEBUG fallback")
                .noneMatch(line -> line.contains("DEBUG"));
    }

    @Test
    void aBadConfigFileValueExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("bad.conf"), "tether.socket.port = many\n");
        Process p = start(Map.of(), "--config", config.toString());
        assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("tether.socket.port").doesNotContain("\tat ");
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), NotesMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("TETHER_"));
        builder.environment().putAll(env);
        Process p = builder.start();
        started.add(p);
        return p;
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static BlockingQueue<String> output(Process p) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> lines, Pattern pattern, List<String> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
        }
        throw new AssertionError("no line matching " + pattern + " within " + WAIT + "; output was " + seen);
    }

    private static int port(String line, Pattern pattern) {
        Matcher m = pattern.matcher(line);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
