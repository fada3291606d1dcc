package io.tether.app.it;

import static io.tether.app.it.Shapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.tether.testkit.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starts the real fat jar as a process with the JDK running this test. */
class TetherJarIT {
    private static final Pattern LISTENING = Pattern.compile("socket listening on 127\\.0\\.0\\.1:(\\d+) \\(");
    private static final Pattern JSTP_LISTENING = Pattern.compile("jstp listening on 127\\.0\\.0\\.1:(\\d+) \\(");
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void kill() {
        started.forEach(Process::destroyForcibly);
    }

    private Process launch(String... args) throws IOException {
        return launch(Map.of(), args);
    }

    private Process launch(Map<String, String> env, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("tether.jar", "target/tether.jar"));
        assertThat(jar).as("fat jar built by the package phase").isRegularFile();
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
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
        String line = awaitLine(lines, LISTENING);
        assertThat(line).contains("plain TCP");
        return port(LISTENING, line);
    }

    private static int port(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String awaitLine(BlockingQueue<String> lines, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            if (pattern.matcher(line).find()) {
                return line;
            }
        }
        throw new AssertionError("no line matching " + pattern + " within 20 s; output was " + seen);
    }

    @Test
    void jsonLogFormatWritesOneJsonObjectPerLine() throws Exception {
        Process p = launch(Map.of("TETHER_LOG_FORMAT", "json"), "--host", "127.0.0.1", "--port", "0", "--no-jstp");
        String line = awaitLine(output(p), LISTENING);
        Map<String, Object> event = tools.jackson.databind.json.JsonMapper.shared().readValue(line, new tools.jackson.core.type.TypeReference<>() { });
        assertThat(event).containsEntry("level", "INFO").containsEntry("loggerName", "tether")
                .containsKey("timestamp");
        assertThat(event.get("formattedMessage")).asString().startsWith("socket listening on 127.0.0.1:");
    }

    private static void hangUp(Process p) throws Exception {
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).inheritIO().start();
        assertThat(hup.waitFor(10, TimeUnit.SECONDS) && hup.exitValue() == 0).as("kill -HUP sent").isTrue();
    }

    @Test
    void sighupWithoutTlsIsLoggedAndTheServerStays() throws Exception {
        Process p = launch("--host", "127.0.0.1", "--port", "0", "--no-jstp");
        BlockingQueue<String> lines = output(p);
        int port = awaitPort(lines);
        hangUp(p);
        assertThat(awaitLine(lines, Pattern.compile("SIGHUP: no TLS listener"))).contains("restart the server");
        try (LineClient c = new LineClient("127.0.0.1", port)) {
            assertThat(c.read()).containsEntry("context", "api");
            c.send("randomNumber");
            assertThat(c.read()).containsKeys("randomNumber");
        }
        assertThat(p.isAlive()).isTrue();
    }

    /** The jar carries no BouncyCastle: the encrypted key is decrypted by the JDK, as in production. */
    @Test
    void sighupReloadsTheCertificateAndAnEncryptedKeyLoads(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        TestPki.Issued first = pki.server("first");
        TestPki.Issued second = pki.server("second");
        Path cert = dir.resolve("served.pem");
        Path key = dir.resolve("served.key");
        Files.copy(first.certificatePem(), cert);
        Files.copy(first.encryptedKeyPem("jar-pass"), key);
        Process p = launch(Map.of("TETHER_SOCKET_TLS_KEY_PASSWORD", "jar-pass",
                        "TETHER_SOCKET_TLS_RELOAD_CHECK_INTERVAL", "0s"),
                "--host", "127.0.0.1", "--port", "0", "--no-jstp", "--tls-cert", cert.toString(),
                "--tls-key", key.toString());
        BlockingQueue<String> lines = output(p);
        String listening = awaitLine(lines, LISTENING);
        assertThat(listening).contains("TLS via");
        int port = port(LISTENING, listening);
        assertThat(servedSerial(pki, port)).isEqualTo(first.serial());

        Files.copy(second.certificatePem(), cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(second.encryptedKeyPem("jar-pass"), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        hangUp(p);
        assertThat(awaitLine(lines, Pattern.compile("SIGHUP: reloaded the TLS certificates of 1 listener")))
                .contains("new connections use them");
        assertThat(servedSerial(pki, port)).isEqualTo(second.serial());
    }

    private static java.math.BigInteger servedSerial(TestPki pki, int port) throws Exception {
        try (io.tether.testkit.LineClient c = io.tether.testkit.LineClient.connectTls("127.0.0.1", port,
                pki.clientContext(null))) {
            assertThat(c.readLine(java.time.Duration.ofSeconds(20))).contains("welcome");
            return ((java.security.cert.X509Certificate) c.tlsSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    @Test
    void servesUntilSigtermThenSaysByeAndExitsZero() throws Exception {
        Process p = launch("--host", "127.0.0.1", "--port", "0", "--welcome", "hi from the jar", "--no-jstp");
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
    void jstpTestDemoListensAndAnswersARawHandshake() throws Exception {
        Process p = launch("--host", "127.0.0.1", "--port", "0", "--jstp-host", "127.0.0.1", "--jstp-port", "0",
                "--demo", "jstp-test");
        BlockingQueue<String> lines = output(p);
        awaitPort(lines);
        String line = awaitLine(lines, JSTP_LISTENING);
        assertThat(line).contains("(JSTP, plain TCP, ")
                .contains("applications tether@1.0.0, testApp@1.0.0, testApp@2.0.0")
                .contains("interfaces api, chat");
        try (Socket s = new Socket("127.0.0.1", port(JSTP_LISTENING, line))) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("{handshake:[0,'testApp']}\0".getBytes(StandardCharsets.UTF_8));
            assertThat(readMessage(in)).matches("\\{handshake:\\[0],ok:'[0-9a-f-]{36}'}");
            out.write("{call:[1,'calculator'],answer:[]}\0{call:[2,'api'],randomNumber:[]}\0"
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(readMessage(in)).isEqualTo("{callback:[1],ok:[42]}");
            assertThat(readMessage(in)).startsWith("{callback:[2],ok:[{randomNumber:");
        }
        p.destroy();
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(p.exitValue()).isZero();
    }

    /** Reads one NUL-terminated JSTP message. */
    private static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != 0; ) {
            if (b < 0) {
                throw new AssertionError("connection closed after " + buf.toString(StandardCharsets.UTF_8));
            }
            buf.write(b);
        }
        return buf.toString(StandardCharsets.UTF_8);
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
    void aMistypedOptionPrintsOneLineAndExitsTwo() throws Exception {
        Process p = launch("--prot", "5000");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("tether: Unknown option").contains("'--prot'")
                .contains("did you mean --port?").contains("see 'tether --help'").doesNotContain("Usage:");
        assertThat(out.strip().lines().count()).isEqualTo(1);
    }

    @Test
    void aMisspelledConfigKeyExitsTwoWithASuggestion(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("tether.conf"), "tether.socket.welcom = hi\n");
        Process p = launch("--port", "0", "--config", conf.toString());
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("unknown setting tether.socket.welcom").contains("did you mean tether.socket.welcome?");
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
