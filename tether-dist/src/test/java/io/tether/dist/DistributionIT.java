package io.tether.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks tether-VERSION.tar.gz into a temporary directory and runs its {@code bin/tether} as a
 * user would: configuration from conf/tether.conf, TETHER_* variables and options; a
 * telnet-style client, a JSTP handshake, /health/ready; SIGTERM ends it with exit code 0.
 */
class DistributionIT {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    private Path home;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("dist.tarball"));
        assertThat(tarball).as("built by the package phase").isRegularFile();
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", dir.toString())
                .inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar -xzf").isTrue();
        home = dir.resolve("tether-" + System.getProperty("dist.version"));
    }

    @AfterEach
    void kill() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void theTarballHasTheLayoutOfADistribution() throws IOException {
        assertThat(home.resolve("bin/tether")).isExecutable();
        assertThat(home.resolve("conf/tether.conf")).isRegularFile();
        assertThat(home.resolve("conf/logback.xml")).isRegularFile();
        assertThat(Files.readString(home.resolve("conf/jvm.options")))
                .contains("--enable-native-access=ALL-UNNAMED");
        assertThat(home.resolve("LICENSE")).content().contains("Apache License");
        assertThat(home.resolve("README.md")).isRegularFile();
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
            assertThat(jars).allMatch(n -> n.endsWith(".jar"))
                    .anyMatch(n -> n.startsWith("tether-server-"))
                    .anyMatch(n -> n.startsWith("netty-transport-native-epoll-"))
                    .noneMatch(n -> n.startsWith("junit") || n.startsWith("assertj"));
        }
        assertThat(Files.readString(home.resolve("bin/tether"))).doesNotContain("@dist.main.class@");
    }

    @Test
    void startsFromTheUnpackedTarballAndStopsOnSigtermWithExitZero() throws Exception {
        // the shipped conf/tether.conf is read: bind to loopback and any free ports there
        Files.writeString(home.resolve("conf/tether.conf"), """

                tether.socket.host = "127.0.0.1"
                tether.socket.port = 0
                tether.jstp.host = "127.0.0.1"
                """, StandardOpenOption.APPEND);
        Path unixSocket = dir.resolve("tether.sock");
        Process p = launch(Map.of("TETHER_SOCKET_WELCOME", "hello from the tarball", "TETHER_JSTP_PORT", "0",
                "TETHER_SOCKET_UNIX_PATH", unixSocket.toString()), "--admin-port", "0");
        BlockingQueue<String> lines = output(p);
        int socketPort = port(lines, "socket listening on 127\\.0\\.0\\.1:(\\d+) ");
        int jstpPort = port(lines, "jstp listening on 127\\.0\\.0\\.1:(\\d+) ");
        port(lines, "socket listening on unix:" + Pattern.quote(unixSocket.toString()) + "()");
        int adminPort = port(lines, "admin listening on 127\\.0\\.0\\.1:(\\d+) ");
        try (SocketChannel unix = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            unix.connect(UnixDomainSocketAddress.of(unixSocket));
            BufferedReader in = new BufferedReader(Channels.newReader(unix, StandardCharsets.UTF_8));
            assertThat(in.readLine()).contains("\"welcome\":\"hello from the tarball\"");
        }

        try (Line c = new Line(socketPort)) {
            assertThat(c.readLine()).contains("\"welcome\":\"hello from the tarball\"");
            c.send("randomNumber");
            assertThat(c.readLine()).contains("\"randomNumber\":");
            c.send("quit");
            assertThat(c.readLine()).contains("\"status\":\"Bye\"");
            assertThat(c.readLine()).isNull();
        }
        try (Socket s = new Socket("127.0.0.1", jstpPort)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write("{handshake:[0,'tether']}\0".getBytes(StandardCharsets.UTF_8));
            assertThat(readJstp(s.getInputStream())).startsWith("{handshake:[0],ok:");
        }
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/health/ready"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);

        try (Line c = new Line(socketPort)) {
            assertThat(c.readLine()).contains("welcome");
            p.destroy(); // SIGTERM to the JVM: bin/tether exec's java
            assertThat(c.readLine()).contains("\"status\":\"Bye\"");
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(unixSocket).as("removed at shutdown").doesNotExist();
    }

    @Test
    void aJavaHomeOlderThan21IsPassedOverWithALine() throws Exception {
        Path old = dir.resolve("old-jdk");
        Files.createDirectories(old.resolve("bin"));
        Path fake = Files.writeString(old.resolve("bin/java"), """
                #!/bin/sh
                echo '    java.specification.version = 17' >&2
                exit 0
                """);
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        Process p = launch(Map.of("JAVA_HOME", old.toString()), "--help");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).contains("is not a Java 21 or newer").contains("--admin-port");
        assertThat(p.exitValue()).isZero();
    }

    private Process launch(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/tether").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().keySet().removeIf(k -> k.startsWith("TETHER_"));
        builder.environment().putAll(env);
        Process p = builder.start();
        started.add(p);
        return p;
    }

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

    private static int port(BlockingQueue<String> lines, String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no line matching " + pattern + " within " + STARTUP + "; output was " + seen);
    }

    private static String readJstp(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != 0; ) {
            if (b < 0) {
                throw new AssertionError("connection closed after " + buf.toString(StandardCharsets.UTF_8));
            }
            buf.write(b);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** A telnet-style client: writes lines, reads lines. */
    private static final class Line implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Line(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(20_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        void send(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
