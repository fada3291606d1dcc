package io.tether.app.it;

import static io.tether.app.it.Shapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starts the real fat jar as a process with the JDK running this test. */
class TetherJarIT {
    private static final Pattern LISTENING = Pattern.compile("socket listening on 127\\.0\\.0\\.1:(\\d+) \\(");
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void kill() {
        started.forEach(Process::destroyForcibly);
    }

    private Process launch(String... args) throws IOException {
        Path jar = Path.of(System.getProperty("tether.jar", "target/tether-app.jar"));
        assertThat(jar).as("fat jar built by the package phase").isRegularFile();
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    /** Collects the process's output lines on a virtual thread. */
    private static BlockingQueue<String> output(Process p) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        });
        return lines;
    }

    private static int awaitPort(BlockingQueue<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                assertThat(line).contains("plain TCP");
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no listening line within 20 s; output was " + seen);
    }

    @Test
    void servesUntilSigtermThenSaysByeAndExitsZero() throws Exception {
        Process p = launch("--host", "127.0.0.1", "--port", "0", "--welcome", "hi from the jar");
        int port = awaitPort(output(p));
        try (LineClient c = new LineClient("127.0.0.1", port)) {
            assertShape(c.read(), """
                    {"welcome":"hi from the jar","context":"api"}""");
            c.send("randomNumber");
            assertThat(c.read()).containsKeys("randomNumber", "stringRandomNumber");
            p.destroy(); // SIGTERM
            assertShape(c.read(), """
                    {"status":"Bye","context":"api"}""");
            assertThat(c.readLine()).isNull();
        }
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void missingCertificateExitsTwoNamingTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), "not a key");
        Path missing = dir.resolve("missing-cert.pem");
        Process p = launch("--port", "0", "--tls-cert", missing.toString(), "--tls-key", key.toString());
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains(missing.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.lines().filter(l -> l.startsWith("tether: ")).count()).isEqualTo(1);
    }

    @Test
    void badPortExitsTwo() throws Exception {
        Process p = launch("--port", "70000");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("tether.socket.port").contains("70000").doesNotContain("Exception");
    }
}
