package io.tether.server.socket;

import static io.tether.server.socket.SocketServerFixture.WAIT;
import static io.tether.server.socket.SocketServerFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.testkit.LineClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketFilesIT {
    private static final String NOT_FOUND = "\"that file is not found\"";

    @TempDir
    Path temp;
    private SocketServerFixture fx;
    private Path pub;

    @BeforeEach
    void start() throws IOException {
        pub = Files.createDirectories(temp.resolve("public"));
        Files.writeString(pub.resolve("hello.txt"), "héllo\nworld", StandardCharsets.UTF_8);
        Files.createDirectories(pub.resolve("sub"));
        Files.writeString(pub.resolve("sub/inner.txt"), "inner", StandardCharsets.UTF_8);
        Files.writeString(temp.resolve("secret.txt"), "secret", StandardCharsets.UTF_8);
        Files.createSymbolicLink(pub.resolve("escape.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(pub.resolve("alias.txt"), pub.resolve("hello.txt"));
        fx = SocketServerFixture.start(b -> b.publicDirectory(pub));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void servesRawBytesAndTheConnectionStaysUsable() {
        LineClient c = fx.client();
        byte[] expected = "héllo\nworld".getBytes(StandardCharsets.UTF_8);
        c.send("file hello.txt");
        assertThat(c.readBytes(expected.length, WAIT)).isEqualTo(expected);
        assertThat(call(c, "paramsView")).containsEntry("data", Map.of("file", "hello.txt"));
        c.send("file sub/inner.txt");
        assertThat(new String(c.readBytes(5, WAIT), StandardCharsets.UTF_8)).isEqualTo("inner");
        c.send("file");
        assertThat(new String(c.readBytes(5, WAIT), StandardCharsets.UTF_8)).isEqualTo("inner");
        call(c, "paramAdd file=alias.txt");
        c.send("file");
        assertThat(c.readBytes(expected.length, WAIT)).isEqualTo(expected);
    }

    @Test
    void servesALargeFileCompletely() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(big);
        Files.write(pub.resolve("big.bin"), big);
        LineClient c = fx.client();
        c.send("file big.bin");
        assertThat(c.readBytes(big.length, java.time.Duration.ofSeconds(10))).isEqualTo(big);
        assertThat(call(c, "paramView file")).containsEntry("data", "big.bin");
    }

    @Test
    void traversalAbsoluteEncodedSymlinkAndMissingAreNotFound() {
        LineClient c = fx.client();
        for (String path : new String[] {"../secret.txt", "sub/../../secret.txt", temp.resolve("secret.txt").toString(),
                "/etc/passwd", "%2e%2e/secret.txt", "..%2fsecret.txt", "escape.txt", "missing.txt", "sub", ".",
                "hello.txt\u0000"}) {
            c.send("file " + path);
            assertThat(c.readLine(WAIT)).as(path).isEqualTo(NOT_FOUND);
        }
        LineClient fresh = fx.client();
        fresh.send("file");
        assertThat(fresh.readLine(WAIT)).isEqualTo(NOT_FOUND);
    }

    @Test
    void withoutAPublicDirectoryNothingIsFound() {
        try (SocketServerFixture none = SocketServerFixture.start()) {
            LineClient c = none.client();
            c.send("file hello.txt");
            assertThat(c.readLine(WAIT)).isEqualTo(NOT_FOUND);
        }
    }
}
