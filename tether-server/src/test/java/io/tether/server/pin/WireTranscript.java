package io.tether.server.pin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a whole server pipeline (the listener's own initializer) in Netty
 * {@link EmbeddedChannel}s and records every byte in and out as a readable transcript that is
 * compared with a golden file under {@code src/test/resources/pinned/}.
 *
 * <p><b>Transcript format</b> — one line per event, bytes escaped so that every byte is
 * visible ({@code \r}, {@code \n}, {@code \0}, {@code \\}, {@code \xNN} for other control or
 * non-ASCII bytes, UTF-8 text otherwise):
 * <pre>
 * # comment (written by the test, compared too)
 * [a]&gt; bytes written by client a
 * [a]&lt; bytes the server wrote to client a (one line per complete frame)
 * [a]= closed                (the server closed client a's channel)
 * [a]x disconnect            (client a went away)
 * [a]&lt;~ frame               (frames that may arrive in any order, logged sorted)
 * </pre>
 *
 * <p><b>Normalization</b> — {@link #normalize} is the single place where anything is
 * replaced, in what the client sends and in what the server writes: UUIDs (message ids,
 * connection ids) become {@code <uuid>}, JSTP session ids (in a handshake reply
 * {@code {handshake:[0],ok:'…'}} and a restore request {@code session:['…'}) become
 * {@code <session>}, values
 * of time-dependent keys ({@code connectedAt}, {@code sentAt}, {@code joinedAt},
 * {@code sleepStarted}, {@code sleepEnded}, {@code sleepDelta}) become {@code <time>}, and
 * random numbers ({@code randomNumber}) become {@code <random>}, and the correlation id of
 * an internal error ({@code internal error (ref 3f9a1c2e)}) becomes {@code <ref>}. Everything else — key
 * order, number formatting, spacing, line ends, NUL framing — is compared byte for byte.
 *
 * <p><b>Updating on purpose</b> — the default run only compares. When a wire change is
 * intended, run the pin tests with {@code -Dpin.rewrite=true} (e.g.
 * {@code ./tether mvn -q -pl tether-server -am verify -Dtest='*WirePinTest' -Dpin.rewrite=true -Dsurefire.failIfNoSpecifiedTests=false});
 * the golden files in the source tree are rewritten from the actual transcripts, and the
 * diff is reviewed and committed like code.
 *
 * <p><b>Threads</b> — actions run on the core's virtual-thread workers and hop back to the
 * channel's {@code EmbeddedEventLoop}; the test thread runs those tasks while it polls (with
 * a bounded wait) for the number of frames a step expects. {@code EmbeddedEventLoop}'s task
 * queue is not thread-safe: a test must not let two worker threads hop back to the same
 * channel at the same moment (concurrent actions get staggered durations), or a reply may be
 * lost.
 */
public final class WireTranscript {
    /** Longest wait for the frames a step expects. */
    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SOURCE_ROOT = Path.of("src/test/resources/pinned");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIME = Pattern.compile(
            "(\"?(?:connectedAt|sentAt|joinedAt|sleepStarted|sleepEnded|sleepDelta)\"?:)-?[0-9]+");
    private static final Pattern SESSION = Pattern.compile(
            "((?:\\{handshake:\\[0\\],ok:|session:\\[)')[^']*'");
    private static final Pattern RANDOM = Pattern.compile(
            "(\"randomNumber\":|Your random number is )[0-9.Ee-]+");

    private static final Pattern REF = Pattern.compile("(internal error \\(ref )[0-9a-f]{8}\\)");

    private final byte delimiter;
    private final StringBuilder text = new StringBuilder();
    private final List<Client> clients = new ArrayList<>();

    /** A transcript of a protocol whose server frames end with {@code delimiter} ({@code '\n'} or {@code 0}). */
    public WireTranscript(byte delimiter) {
        this.delimiter = delimiter;
    }

    /** Replaces what is random or time-dependent by placeholders; see the class comment. */
    public static String normalize(String s) {
        String out = UUID.matcher(s).replaceAll("<uuid>");
        out = SESSION.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "<session>'"));
        out = TIME.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "<time>"));
        out = REF.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "<ref>)"));
        return RANDOM.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "<random>"));
    }

    /** Connects a new client named {@code name} from {@code ip:port} through {@code initializer}. */
    public Client connect(String name, ChannelInitializer<Channel> initializer, String ip, int port) {
        EmbeddedChannel ch = new EmbeddedChannel(false, true) {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress(ip, port);
            }
        };
        ch.pipeline().addLast(initializer);
        try {
            ch.register();
        } catch (Exception e) {
            throw new AssertionError("could not register the embedded channel", e);
        }
        Client c = new Client(name, ch);
        clients.add(c);
        return c;
    }

    /** Adds a comment line to the transcript. */
    public void note(String comment) {
        text.append("# ").append(comment).append('\n');
    }

    /** The transcript so far. */
    public String text() {
        return text.toString();
    }

    /** Compares the transcript with {@code pinned/<name>.txt}, or rewrites it under {@code -Dpin.rewrite=true}. */
    public void assertMatches(String name) {
        clients.forEach(Client::close);
        String actual = text.toString();
        Path file = SOURCE_ROOT.resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("pin.rewrite")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            var in = WireTranscript.class.getResourceAsStream("/pinned/" + name + ".txt");
            assertThat(in).as("golden file pinned/%s.txt (create with -Dpin.rewrite=true)", name).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).as("wire transcript %s", name).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Escapes bytes for a transcript line (see the class comment). */
    static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b == '\\') {
                sb.append("\\\\");
            } else if (b == '\r') {
                sb.append("\\r");
            } else if (b == '\n') {
                sb.append("\\n");
            } else if (b == 0) {
                sb.append("\\0");
            } else if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            } else {
                int len = b >= 0xF0 && b < 0xF8 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                String decoded = len > 1 && i + len <= bytes.length
                        ? new String(bytes, i, len, StandardCharsets.UTF_8) : "\uFFFD";
                if (len > 1 && !decoded.contains("\uFFFD")) {
                    sb.append(decoded);
                    i += len;
                    continue;
                }
                sb.append(String.format("\\x%02X", b));
            }
            i++;
        }
        return sb.toString();
    }

    /** One client connection: an embedded channel through the server's whole pipeline. */
    public final class Client {
        private final String name;
        private final EmbeddedChannel channel;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        private final List<String> lastRaw = new ArrayList<>();
        private boolean closedLogged;

        private Client(String name, EmbeddedChannel channel) {
            this.name = name;
            this.channel = channel;
        }

        /** The channel under test. */
        public EmbeddedChannel channel() {
            return channel;
        }

        /** Sends {@code s} (UTF-8) and waits for {@code frames} complete server frames. */
        public Client send(String s, int frames) {
            return send(s.getBytes(StandardCharsets.UTF_8), frames);
        }

        /** Sends raw bytes and waits for {@code frames} complete server frames. */
        public Client send(byte[] bytes, int frames) {
            text.append('[').append(name).append("]> ").append(normalize(escape(bytes))).append('\n');
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
            return expect(frames);
        }

        /** Waits (bounded) for {@code frames} more complete server frames and logs them. */
        public Client expect(int frames) {
            List<String> got = await(frames);
            got.forEach(f -> text.append('[').append(name).append("]< ").append(f).append('\n'));
            logClosed();
            return this;
        }

        /**
         * Waits for {@code frames} frames that may arrive in any order (concurrent actions) and
         * logs them sorted, so the transcript stays deterministic.
         */
        public Client expectUnordered(int frames) {
            List<String> got = new ArrayList<>(await(frames));
            got.sort(null);
            got.forEach(f -> text.append('[').append(name).append("]<~ ").append(f).append('\n'));
            logClosed();
            return this;
        }

        /** Runs the loop's tasks once more and checks that nothing else was written. */
        public Client expectSilence() {
            pump();
            List<String> rest = frames(Integer.MAX_VALUE);
            assertThat(rest).as("unexpected frames to %s", name).isEmpty();
            assertThat(pending.size()).as("partial frame to %s: %s", name, escape(pending.toByteArray())).isZero();
            logClosed();
            return this;
        }

        /** The frames of the latest step as written (not normalized, not escaped), e.g. to read a session id. */
        public List<String> lastFrames() {
            return List.copyOf(lastRaw);
        }

        private List<String> await(int frames) {
            lastRaw.clear();
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<String> got = new ArrayList<>();
            while (true) {
                pump();
                got.addAll(frames(frames - got.size()));
                if (got.size() >= frames) {
                    return got;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("client " + name + " got " + got.size() + " of " + frames
                            + " frames: " + got + " pending " + escape(pending.toByteArray())
                            + "\ntranscript so far:\n" + text);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        private void pump() {
            channel.runPendingTasks();
            channel.runScheduledPendingTasks();
            Object out;
            while ((out = channel.readOutbound()) != null) {
                if (out instanceof ByteBuf buf) {
                    byte[] b = new byte[buf.readableBytes()];
                    buf.readBytes(b);
                    buf.release();
                    pending.writeBytes(b);
                } else {
                    throw new AssertionError("non-buffer outbound message " + out);
                }
            }
        }

        /** Complete frames now pending, at most {@code max}. */
        private List<String> frames(int max) {
            List<String> out = new ArrayList<>();
            byte[] all = pending.toByteArray();
            int start = 0;
            for (int i = 0; i < all.length && out.size() < max; i++) {
                if (all[i] == delimiter) {
                    byte[] frame = java.util.Arrays.copyOfRange(all, start, i + 1);
                    out.add(normalize(escape(frame)));
                    lastRaw.add(new String(frame, 0, frame.length - 1, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            pending.reset();
            pending.write(all, start, all.length - start);
            return out;
        }

        private void logClosed() {
            if (!closedLogged && !channel.isOpen()) {
                closedLogged = true;
                text.append('[').append(name).append("]= closed\n");
            }
        }

        /** The client goes away (its channel is closed from the client's side); logged as {@code [a]x disconnect}. */
        public Client disconnect() {
            pump();
            text.append('[').append(name).append("]x disconnect\n");
            closedLogged = true;
            channel.close();
            pump();
            return this;
        }

        /** Whether the server closed this channel. */
        public boolean closed() {
            return !channel.isOpen();
        }

        void close() {
            channel.finishAndReleaseAll();
        }
    }
}
