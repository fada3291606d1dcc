package io.tether.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.Action;
import io.tether.api.TetherException;
import io.tether.core.TetherCore;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both protocols on unix-domain socket paths beside their TCP ports, with the epoll, io_uring and NIO
 * transports; a JDK {@code SocketChannel} of the UNIX family is the client.
 */
class UnixSocketIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private TetherServer start(Transport transport, Path socketPath, Path jstpPath) {
        TetherCore core = TetherCore.builder()
                .action(Action.named("hello").handler(ctx -> Map.of("hello", "world")).build())
                .room("defaultRoom").build();
        return TetherServer.builder(core)
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder()
                        .host("127.0.0.1").port(0).welcomeMessage("hi over unix").build()))
                .protocol(new JstpProtocolServer(core, JstpOptions.defaults().toBuilder()
                        .host("127.0.0.1").port(0).build()))
                .unixSocket("socket", socketPath).unixSocket("jstp", jstpPath)
                .transport(transport).build().start();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = {"EPOLL", "IO_URING", "NIO"})
    void bothProtocolsAnswerOnTheirSocketPathsAndTheFilesGoAtShutdown(Transport transport) throws Exception {
        Path socketPath = dir.resolve("tether.sock");
        Path jstpPath = dir.resolve("jstp.sock");
        TetherServer server = start(transport, socketPath, jstpPath);
        try {
            assertThat(server.unixSocket("socket")).contains(socketPath);
            assertThat(server.unixSocket("jstp")).contains(jstpPath);
            assertThat(server.transportName()).isEqualTo(transport.configName()); // never another one
            assertThat(server.port("socket")).isPositive(); // the TCP listeners are there too
            try (Client c = new Client(socketPath)) {
                assertThat(c.readUntil('\n')).isEqualTo("{\"welcome\":\"hi over unix\",\"context\":\"api\"}\r");
                c.write("hello\n");
                assertThat(c.readUntil('\n')).startsWith("{\"hello\":\"world\",");
                c.write("detailsView\n");
                assertThat(c.readUntil('\n')).contains("\"remoteIP\":\"unix\"").contains("\"remotePort\":0");
            }
            try (Client c = new Client(jstpPath)) {
                c.write("{handshake:[0,'tether']}\0");
                assertThat(c.readUntil('\0')).startsWith("{handshake:[0],ok:'");
                c.write("{call:[1,'api'],hello:[]}\0");
                assertThat(c.readUntil('\0')).isEqualTo("{callback:[1],ok:[{hello:'world'}]}");
            }
        } finally {
            server.close();
        }
        assertThat(socketPath).doesNotExist();
        assertThat(jstpPath).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = {"EPOLL", "IO_URING", "NIO"})
    void aStaleSocketFileIsReplacedButALiveOneIsNot(Transport transport) throws Exception {
        Path socketPath = dir.resolve("s.sock");
        Path jstpPath = dir.resolve("j.sock");
        // a stale socket file: bound by a channel that is gone (closing a JDK server channel leaves the file)
        try (var stale = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socketPath));
        }
        assertThat(socketPath).exists();
        TetherServer server = start(transport, socketPath, jstpPath);
        try {
            try (Client c = new Client(socketPath)) {
                assertThat(c.readUntil('\n')).contains("hi over unix");
            }
            assertThatThrownBy(() -> start(transport, socketPath, dir.resolve("other.sock")))
                    .isInstanceOf(TetherException.class).hasMessageContaining("another process listens on it");
            assertThat(socketPath).as("the live server's file stays").exists();
        } finally {
            server.close();
        }
        Path regular = Files.writeString(dir.resolve("file.sock"), "not a socket");
        assertThatThrownBy(() -> start(transport, regular, jstpPath))
                .isInstanceOf(TetherException.class).hasMessageContaining("not a socket");
        assertThat(regular).exists();
    }

    /** A blocking unix-domain client with bounded reads. */
    private static final class Client implements AutoCloseable {
        private final SocketChannel channel;
        private final ByteBuffer one = ByteBuffer.allocate(1);

        Client(Path path) throws IOException {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(path));
        }

        void write(String text) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        /** The bytes up to (not including) {@code end}, within {@link #WAIT}. */
        String readUntil(char end) throws Exception {
            return CompletableFuture.supplyAsync(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    while (true) {
                        one.clear();
                        if (channel.read(one) < 0) {
                            throw new AssertionError("closed after " + out.toString(StandardCharsets.UTF_8));
                        }
                        if (one.get(0) == end) {
                            return out.toString(StandardCharsets.UTF_8);
                        }
                        out.write(one.get(0));
                    }
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }, Thread::startVirtualThread).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
