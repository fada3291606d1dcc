package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.app.TetherApp;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.server.TetherServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code jstp-cli}, the interactive client shipped in {@code @metarhia/jstp@2.3.0}, driven
 * through its stdin: each command is typed only after the previous one's answer appeared.
 */
class JstpCliIT {
    private TetherServer server;
    private Process cli;

    @BeforeEach
    void start() {
        Map<String, Object> config = Map.of("tether.socket.host", "127.0.0.1", "tether.socket.port", 0,
                "tether.jstp.host", "127.0.0.1", "tether.jstp.port", 0, "tether.demo", "jstp-test");
        server = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), config), null));
    }

    @AfterEach
    void stop() {
        if (cli != null) {
            cli.destroyForcibly();
        }
        server.close();
    }

    @Test
    void callsCalculatorAnswerOnTestApp() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(NodeScript.node(),
                NodeScript.peerFile("@metarhia/jstp/bin/cli.js").toString()).redirectErrorStream(true);
        pb.environment().put("JSTP_CLI_HISTORY", "");
        cli = pb.start();
        BlockingQueue<String> lines = lines(cli);
        List<String> seen = new ArrayList<>();
        type("connect jstp://127.0.0.1:" + server.port("jstp") + " testApp calculator");
        await(lines, seen, "Connection established");
        type("call calculator answer");
        await(lines, seen, "Method calculator.answer returned:");
        assertThat(await(lines, seen, "42").strip()).isEqualTo("42");
        type("call calculator divide 1, 0");
        await(lines, seen, "RemoteError occurred: Zero division");
        type("exit");
        assertThat(cli.waitFor(10, TimeUnit.SECONDS)).as("jstp-cli exited; output %s", seen).isTrue();
    }

    private void type(String command) throws IOException {
        OutputStream in = cli.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits (generously) for an output line containing {@code text}; returns it. */
    private static String await(BlockingQueue<String> lines, List<String> seen, String text)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return line;
                }
            }
        }
        throw new AssertionError("jstp-cli printed no line containing '" + text + "' within 20 s; output " + seen);
    }

    private static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        });
        return out;
    }
}
