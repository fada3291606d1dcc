package io.tether.server.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.codec.testing.TrackingAllocator;
import io.tether.core.TetherCore;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.jstp.JstpWebSocketProbe;
import io.tether.server.primus.PrimusEndpoint;
import io.tether.server.primus.PrimusOptions;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fuzzes the HTTP listener's WebSocket inbound path as the runnable server wires it: raw client
 * bytes into an {@link EmbeddedChannel} through {@link HttpProtocolServer#initializer()} (admission,
 * idle stage, HTTP codec, aggregator, {@link HttpRouter}; at the upgrade Netty's WebSocket codec,
 * {@link WebSocketStages}: frame cap, aggregation, {@link WebSocketFramePolicy}; then the endpoint's
 * stages), with two endpoints routed as tether-app's {@code WebListener} routes them: JSTP at
 * {@code /jstp} ({@link JstpProtocolServer#webSocketEndpoint()}) and Primus at {@code /primus/*}
 * ({@link PrimusEndpoint}).
 *
 * <p>Each input is a client stream: an HTTP request (a valid upgrade to JSTP or Primus, or one of
 * the invalid ones: foreign origin, no subprotocol, no upgrade, wrong version, POST, unknown path,
 * or raw bytes from the input), then operations, each one or more WebSocket frames: a message from
 * {@link #TEMPLATES} (JSTP handshake and calls, Primus events), whole or fragmented, masked or not;
 * a raw frame (any first byte: FIN, reserved bits, opcode); ping or pong with a payload of up to 255
 * bytes (over 125 is invalid); close with no payload, one byte, or a code and a reason; a frame
 * whose 16-bit or 64-bit length form declares more than follows (oversize); raw bytes; a text
 * message with invalid UTF-8; a binary message. The stream arrives in reads of 1–4 fuzzer-chosen
 * sizes (cycled). The fuzzer also chooses the listener's frame and message caps and its request cap.
 *
 * <p>Invariants per input:
 * <ol>
 *   <li>no exception escapes the pipeline ({@link EmbeddedChannel#checkException()} after every
 *       read and at close: every stage handles its own);</li>
 *   <li>a defined outcome: no answer yet and the connection open (an incomplete request); or an
 *       HTTP error (400, 403, 404, 405, 413, 426, 431) and the connection closed; or {@code 101}
 *       followed only by well-formed server frames (final, unmasked, no reserved bits, text frames
 *       UTF-8), where a close frame, if any, is the last one, carries a code the server uses
 *       (1000, 1001, 1002, 1003, 1007, 1008, 1009, 1011) or the code the client's close frame
 *       carried, and the connection is closed after it; a connection the server closed after
 *       {@code 101} ended with a close frame;</li>
 *   <li>nothing retained after close: every buffer the channel's allocator (a
 *       {@link TrackingAllocator}, wrapped at the upgrade by the listener's
 *       {@link HeapFirstAllocator}) handed out has {@code refCnt} 0 once the channel is closed and
 *       its output read;</li>
 *   <li>linear time: the frames repeated to 1 MiB behind the same request, in the same read sizes,
 *       are processed within 200 ms + 10 µs per byte + 20 µs per read of CPU (best of 3), like
 *       tether-codec's {@code LinearTime}; while fuzzing for one input in
 *       {@code tether.fuzz.scaleEvery} (default 16,384, by a hash of the input), in regression mode
 *       for each.</li>
 * </ol>
 * The core, the JSTP listener and the Primus endpoint are made once per JVM and shared (the real
 * server shares them between connections too; the JSTP application has only non-blocking
 * methods); a listener is made once per fuzzer-chosen configuration; each input gets a fresh
 * channel and allocator. Async decisions (a JSTP login or restore runs on a worker) hop back to the
 * channel's loop, so the embedded loop's task queue is made concurrent and the harness waits
 * (bounded) until no JSTP handshake is pending. Seeds:
 * {@code src/test/resources/io/tether/server/http/WebSocketInboundFuzzTestInputs/inbound/}
 * ({@code seeds.py} there). Long and CI runs: docs/reliability.md.
 */
class WebSocketInboundFuzzTest {
    /** Upgrade requests the fuzzer chooses from (index = header byte % length). */
    static final String[] REQUESTS = {
        "GET /jstp HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: metarhia-jstp\r\n\r\n",
        "GET /primus/?_primuscb=x HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://h\r\n\r\n",
        "GET /jstp HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: metarhia-jstp\r\nOrigin: http://evil.example\r\n\r\n",
        "GET /jstp HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        "GET /jstp HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /primus HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 7\r\n\r\n",
        "POST /primus HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n",
        "GET /nope HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        "GET /primus HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n",
        // 9: raw: a u8 length and that many bytes from the input
    };
    /** Messages (text) the fuzzer sends: JSTP over WebSocket, then Primus. */
    static final String[] TEMPLATES = {
        "{handshake:[0,'fuzzApp']}",
        "{call:[1,'box'],echo:['x']}",
        "{ping:[2]}",
        "{inspect:[3,'box']}",
        "{handshake:[0,'nope']}",
        "{handshake:[0,'fuzzApp'],login:['user','wrong']}",
        "{call:[4,'box'],nope:[]}",
        "{event:[5,'box'],news:['x']}",
        "{\"event\":\"detailsView\",\"messageId\":1}",
        "{\"event\":\"roomAdd\",\"room\":\"room1\",\"messageId\":2}",
        "{\"event\":\"say\",\"room\":\"room1\",\"message\":\"hi\",\"messageId\":3}",
        "{\"event\":\"action\",\"params\":{\"action\":\"nope\"},\"messageId\":4}",
        "\"primus::pong::1\"",
        "\"primus::id::\"",
        "{\"event\":\"roomLeave\",\"room\":\"room1\"}",
        "{\"event\":\"quit\"}",
        "{\"event\":\"documentation\"}",
        "not json",
        "",
        "{handshake:[0,'fuzzApp'],session:['00000000-0000-4000-8000-000000000000',0]}",
    };
    static final int[] CLOSE_CODES = {1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012,
        1015, 999, 0, 2999, 3000, 4999, 5000, 65535};
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0x80},
    };
    static final int[] FRAME_CAPS = {HttpOptions.DEFAULT_MAX_FRAME_BYTES, 125, 1024, 65_536};
    private static final Set<Integer> HTTP_ERRORS = Set.of(400, 403, 404, 405, 413, 426, 431);
    private static final Set<Integer> SERVER_CLOSE_CODES = Set.of(1000, 1001, 1002, 1003, 1007, 1008, 1009, 1011);
    private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null
            && !System.getenv("JAZZER_FUZZ").isEmpty() && !System.getenv("JAZZER_FUZZ").equals("0");
    private static final int SCALE_EVERY = Integer.getInteger("tether.fuzz.scaleEvery", 16384);
    private static final boolean LOG_SCALED = Boolean.getBoolean("tether.fuzz.logScaled");
    private static final int SCALED_BYTES = 1 << 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @FuzzTest
    void inbound(byte[] data) {
        Input in = Input.parse(data);
        HttpProtocolServer listener = Shared.INSTANCE.listener(in.options);
        new Run(listener, in.request, in.frames, in.readSizes, in.clientCodes, in.anyClose, true).run();
        if (in.frames.length > 0 && scaledDue(Arrays.hashCode(data))) {
            byte[] frames = repeat(in.frames);
            long bytes = in.request.length + (long) frames.length;
            long reads = reads(bytes, in.readSizes);
            long budget = 200_000_000L + 10_000L * bytes + 20_000L * reads;
            long best = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                long start = THREADS.getCurrentThreadCpuTime();
                new Run(listener, in.request, frames, in.readSizes, in.clientCodes, in.anyClose, false).run();
                long spent = THREADS.getCurrentThreadCpuTime() - start;
                if (LOG_SCALED) {
                    System.err.printf("scaled run: %d bytes in %d reads, %.1f ms CPU, budget %d ms%n",
                            bytes, reads, spent / 1e6, budget / 1_000_000);
                }
                if (spent <= budget) {
                    return;
                }
                best = Math.min(best, spent);
            }
            throw new AssertionError("super-linear? " + bytes + " bytes in " + reads + " reads took " + best / 1_000_000
                    + " ms of CPU at best of 3, budget " + budget / 1_000_000 + " ms");
        }
    }

    /** The decoded input: listener options, request bytes, frame bytes, read sizes, what the client closed with. */
    static final class Input {
        HttpOptions options;
        byte[] request;
        byte[] frames;
        int[] readSizes;
        final Set<Integer> clientCodes = new java.util.HashSet<>();
        /** Whether the stream may hold a close frame the harness did not write itself (raw bytes). */
        boolean anyClose;
        private final byte[] data;
        private int at;

        private Input(byte[] data) {
            this.data = data;
        }

        int u8() {
            return at < data.length ? data[at++] & 0xff : 0;
        }

        int u16() {
            return (u8() << 8) | u8();
        }

        byte[] bytes(int n) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) u8();
            }
            return b;
        }

        /**
         * Layout: config byte (bits 0-1 frame cap index, bits 2-3 message cap: the frame cap times
         * 1, 4, 64 or the default 8 MiB; bit 4: request cap 1 KiB instead of 8 KiB), request byte
         * (index in REQUESTS, the last one = raw), read sizes (u8 n, then 1 + n % 4 u16, 0 = 64 KiB),
         * then operations (see {@link #op}).
         */
        static Input parse(byte[] data) {
            Input in = new Input(data);
            int config = in.u8();
            int frame = FRAME_CAPS[config & 3];
            int message = switch ((config >> 2) & 3) {
                case 0 -> Math.max(frame, HttpOptions.DEFAULT_MAX_MESSAGE_BYTES);
                case 1 -> frame;
                case 2 -> frame * 4;
                default -> frame * 64;
            };
            in.options = HttpOptions.defaults().toBuilder().port(0).host("127.0.0.1").maxFrameBytes(frame)
                    .maxMessageBytes(message).maxRequestBytes((config & 16) != 0 ? 1024 : HttpOptions.DEFAULT_MAX_REQUEST_BYTES)
                    .build();
            int r = in.u8() % (REQUESTS.length + 1);
            if (r == REQUESTS.length) {
                in.request = in.bytes(in.u8());
                in.anyClose = true;
            } else {
                in.request = REQUESTS[r].getBytes(StandardCharsets.US_ASCII);
            }
            int[] sizes = new int[1 + in.u8() % 4];
            for (int i = 0; i < sizes.length; i++) {
                int v = in.u16();
                sizes[i] = v == 0 ? 65_536 : v;
            }
            in.readSizes = sizes;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (in.at < data.length) {
                in.op(out);
            }
            in.frames = out.toByteArray();
            return in;
        }

        /** One operation: its byte, then its arguments. */
        private void op(ByteArrayOutputStream out) {
            int op = u8() % 8;
            switch (op) {
                case 0 -> { // a template message: template, fragments, flags (bit 0 unmasked, bit 1 16-bit length form)
                    byte[] text = template(u8());
                    fragmented(out, 1, text, 1 + u8() % 4, u8());
                }
                case 1 -> { // a raw frame: first byte as given (FIN, RSV, opcode), flags, payload
                    int b0 = u8();
                    int flags = u8();
                    frame(out, b0, bytes(u8()), flags);
                    anyClose = true;
                }
                case 2 -> { // ping or pong, payload up to 255 bytes; bit 1: not final (invalid)
                    int kind = u8();
                    int flags = u8();
                    frame(out, ((kind & 2) != 0 ? 0 : 0x80) | ((kind & 1) != 0 ? 0xA : 0x9), bytes(u8()), flags);
                }
                case 3 -> { // close: 0 no payload, 1 one byte, else a code and a reason (maybe not UTF-8)
                    int sel = u8();
                    int flags = u8();
                    byte[] payload;
                    if (sel == 0) {
                        payload = new byte[0];
                    } else if (sel == 1) {
                        payload = new byte[] {(byte) u8()};
                    } else {
                        int code = CLOSE_CODES[sel % CLOSE_CODES.length];
                        clientCodes.add(code);
                        byte[] reason = bytes(u8() % 32);
                        payload = new byte[2 + reason.length];
                        payload[0] = (byte) (code >> 8);
                        payload[1] = (byte) code;
                        System.arraycopy(reason, 0, payload, 2, reason.length);
                    }
                    frame(out, 0x88, payload, flags);
                }
                case 4 -> { // a declared length over what follows: 16-bit or 64-bit form
                    int form = u8();
                    int opcode = (form & 2) != 0 ? 0x82 : 0x81;
                    boolean masked = (form & 4) == 0;
                    out.write(opcode);
                    if ((form & 1) == 0) {
                        out.write((masked ? 0x80 : 0) | 126);
                        int len = u16();
                        out.write(len >> 8);
                        out.write(len);
                    } else {
                        out.write((masked ? 0x80 : 0) | 127);
                        out.writeBytes(bytes(8));
                    }
                    if (masked) {
                        out.writeBytes(MASK);
                    }
                    out.writeBytes(bytes(u8()));
                }
                case 5 -> { // raw bytes
                    out.writeBytes(bytes(u8()));
                    anyClose = true;
                }
                case 6 -> { // a text message with invalid UTF-8 at a chosen place
                    byte[] text = template(u8());
                    byte[] bad = BAD_UTF8[u8() % BAD_UTF8.length];
                    int pos = text.length == 0 ? 0 : u8() % (text.length + 1);
                    byte[] msg = new byte[text.length + bad.length];
                    System.arraycopy(text, 0, msg, 0, pos);
                    System.arraycopy(bad, 0, msg, pos, bad.length);
                    System.arraycopy(text, pos, msg, pos + bad.length, text.length - pos);
                    fragmented(out, 1, msg, 1 + u8() % 4, u8());
                }
                default -> { // a binary message
                    byte[] text = template(u8());
                    fragmented(out, 2, text, 1 + u8() % 2, u8());
                }
            }
        }

        private static byte[] template(int which) {
            return TEMPLATES[which % TEMPLATES.length].getBytes(StandardCharsets.UTF_8);
        }

        private static void fragmented(ByteArrayOutputStream out, int opcode, byte[] payload, int parts, int flags) {
            int per = Math.max(1, (payload.length + parts - 1) / parts);
            int at = 0;
            int i = 0;
            do {
                int end = Math.min(payload.length, at + per);
                boolean last = end >= payload.length;
                frame(out, (last ? 0x80 : 0) | (i == 0 ? opcode : 0), Arrays.copyOfRange(payload, at, end), flags);
                at = end;
                i++;
            } while (at < payload.length);
        }

        /** A frame with first byte {@code b0}; flags bit 0: unmasked, bit 1: 16-bit length form, bit 2: 64-bit form. */
        static void frame(ByteArrayOutputStream out, int b0, byte[] payload, int flags) {
            boolean masked = (flags & 1) == 0;
            out.write(b0);
            int m = masked ? 0x80 : 0;
            if ((flags & 4) != 0) {
                out.write(m | 127);
                long len = payload.length;
                for (int s = 56; s >= 0; s -= 8) {
                    out.write((int) (len >>> s));
                }
            } else if ((flags & 2) != 0 || payload.length > 125) {
                out.write(m | 126);
                out.write(payload.length >> 8);
                out.write(payload.length);
            } else {
                out.write(m | payload.length);
            }
            if (masked) {
                out.writeBytes(MASK);
                for (int i = 0; i < payload.length; i++) {
                    out.write(payload[i] ^ MASK[i & 3]);
                }
            } else {
                out.writeBytes(payload);
            }
        }
    }

    /** One connection: feeds the stream, checks the outcome, closes, checks that nothing is retained. */
    private static final class Run {
        private final HttpProtocolServer listener;
        private final byte[] request;
        private final byte[] frames;
        private final int[] readSizes;
        private final Set<Integer> clientCodes;
        private final boolean anyClose;
        private final boolean check;
        private final TrackingAllocator alloc = new TrackingAllocator();
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private EmbeddedChannel ch;

        Run(HttpProtocolServer listener, byte[] request, byte[] frames, int[] readSizes, Set<Integer> clientCodes,
            boolean anyClose, boolean check) {
            this.listener = listener;
            this.request = request;
            this.frames = frames;
            this.readSizes = readSizes;
            this.clientCodes = clientCodes;
            this.anyClose = anyClose;
            this.check = check;
        }

        void run() {
            SocketAddress peer = new InetSocketAddress("192.0.2.1", 40_000);
            ch = new EmbeddedChannel(false, true) {
                @Override
                protected SocketAddress remoteAddress0() {
                    return peer;
                }
            };
            ch.config().setAllocator(alloc);
            ch.pipeline().addLast(listener.initializer());
            try {
                ch.register();
            } catch (Exception e) {
                throw new AssertionError("cannot register the embedded channel", e);
            }
            concurrentTaskQueue(ch.eventLoop());
            ch.freezeTime(); // timers (request timeout, pings, handshake timeout) never fire
            ch.checkException();
            try {
                feed();
                settle();
                if (check) {
                    checkOutcome();
                }
            } finally {
                ch.close();
                ch.runPendingTasks();
                drain();
            }
            escaped(ch::checkException);
            ch.finishAndReleaseAll();
            alloc.assertAllReleased("websocket inbound");
        }

        private void feed() {
            long total = (long) request.length + frames.length;
            int i = 0;
            for (long at = 0; at < total && ch.isOpen(); i++) {
                int size = (int) Math.min(readSizes[i % readSizes.length], total - at);
                ByteBuf buf = alloc.heapBuffer(size, size);
                for (int k = 0; k < size; k++) {
                    long p = at + k;
                    buf.writeByte(p < request.length ? request[(int) p] : frames[(int) (p - request.length)]);
                }
                escaped(() -> ch.writeInbound(buf));
                escaped(ch::checkException);
                drain();
                at += size;
            }
        }

        /** Waits (bounded) until no JSTP handshake is pending, running what came back to the loop. */
        private void settle() {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                ch.runPendingTasks();
                escaped(ch::checkException);
                drain();
                if (!JstpWebSocketProbe.handshaking(ch)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("a JSTP handshake was not decided within " + WAIT);
                }
                Thread.onSpinWait();
            }
        }

        private void drain() {
            for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
                if (!(o instanceof ByteBuf buf)) {
                    io.netty.util.ReferenceCountUtil.release(o);
                    throw new AssertionError("the listener wrote a " + o + ", not bytes; pipeline " + ch.pipeline().names()
                            + "; request " + new String(request, StandardCharsets.ISO_8859_1));
                }
                if (check) {
                    byte[] b = new byte[buf.readableBytes()];
                    buf.readBytes(b);
                    written.writeBytes(b);
                }
                buf.release();
            }
        }

        private void escaped(ThrowingCheck c) {
            try {
                c.run();
            } catch (Throwable e) {
                throw new AssertionError("an exception escaped the WebSocket listener's pipeline " + ch.pipeline().names()
                        + " (open " + ch.isOpen() + "): " + e, e);
            }
        }

        private void checkOutcome() {
            byte[] out = written.toByteArray();
            if (out.length == 0) {
                if (!ch.isOpen()) {
                    throw new AssertionError("the listener closed the connection without an answer");
                }
                return;
            }
            int headEnd = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String head = new String(out, 0, headEnd < 0 ? out.length : headEnd, StandardCharsets.US_ASCII);
            if (headEnd < 0 || !head.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("the listener's answer is not an HTTP response: " + head);
            }
            int status = Integer.parseInt(head.substring(9, 12));
            if (status != 101) {
                if (!HTTP_ERRORS.contains(status)) {
                    throw new AssertionError("unexpected HTTP status " + status + ": " + head);
                }
                if (ch.isOpen()) {
                    throw new AssertionError("the connection is open after HTTP " + status);
                }
                return;
            }
            int at = headEnd + 4;
            boolean closed = false;
            while (at < out.length) {
                if (closed) {
                    throw new AssertionError("the server wrote a frame after its close frame: "
                            + LinearPreview.of(Arrays.copyOfRange(out, headEnd + 4, out.length)) + "; client "
                            + LinearPreview.of(frames));
                }
                if (out.length - at < 2) {
                    throw new AssertionError("a partial frame header from the server");
                }
                int b0 = out[at] & 0xff;
                int b1 = out[at + 1] & 0xff;
                if ((b0 & 0x80) == 0 || (b0 & 0x70) != 0 || (b1 & 0x80) != 0) {
                    throw new AssertionError("a server frame not final, with reserved bits or masked: " + Integer.toHexString(b0)
                            + " " + Integer.toHexString(b1));
                }
                int opcode = b0 & 0x0f;
                long len = b1 & 0x7f;
                int hdr = 2;
                if (len == 126) {
                    len = ((out[at + 2] & 0xff) << 8) | (out[at + 3] & 0xff);
                    hdr = 4;
                } else if (len == 127) {
                    len = ByteBuffer.wrap(out, at + 2, 8).getLong();
                    hdr = 10;
                }
                if (at + hdr + len > out.length) {
                    throw new AssertionError("a partial frame from the server");
                }
                int p = at + hdr;
                int n = (int) len;
                switch (opcode) {
                    case 1 -> utf8(out, p, n, "text frame");
                    case 9, 10 -> {
                        if (n > 125) {
                            throw new AssertionError("a server control frame over 125 bytes");
                        }
                    }
                    case 8 -> {
                        closed = true;
                        if (n == 1 || n > 125) {
                            throw new AssertionError("a malformed close frame from the server (" + n + " bytes)");
                        }
                        if (n >= 2) {
                            int code = ((out[p] & 0xff) << 8) | (out[p + 1] & 0xff);
                            boolean echoed = clientCodes.contains(code) || anyClose
                                    && WebSocketCloseStatus.isValidStatusCode(code);
                            if (!SERVER_CLOSE_CODES.contains(code) && !echoed) {
                                throw new AssertionError("the server closed with code " + code + ": "
                                        + LinearPreview.of(Arrays.copyOfRange(out, headEnd + 4, out.length)) + "; client "
                                        + LinearPreview.of(frames));
                            }
                            utf8(out, p + 2, n - 2, "close reason (code " + code + ", frame "
                                    + LinearPreview.of(Arrays.copyOfRange(out, at, p + n)) + "; client "
                                    + LinearPreview.of(frames) + ")");
                        }
                    }
                    default -> throw new AssertionError("a server frame with opcode " + opcode);
                }
                at = p + n;
            }
            if (closed && ch.isOpen()) {
                throw new AssertionError("the connection is open after the server's close frame");
            }
            if (!closed && !ch.isOpen()) {
                throw new AssertionError("the server closed an upgraded connection without a close frame: "
                        + LinearPreview.of(Arrays.copyOfRange(out, headEnd + 4, out.length)) + "; client "
                        + LinearPreview.of(frames));
            }
        }

        private static void utf8(byte[] b, int from, int n, String what) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, n));
            } catch (CharacterCodingException e) {
                throw new AssertionError("a server " + what + " that is not UTF-8");
            }
        }

        private static int indexOf(byte[] b, byte[] what) {
            outer:
            for (int i = 0; i + what.length <= b.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (b[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** The first bytes of a byte string, escaped, for messages. */
    static final class LinearPreview {
        private LinearPreview() {
        }

        static String of(byte[] b) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < Math.min(b.length, 600); i++) {
                int c = b[i] & 0xff;
                sb.append(c >= 0x20 && c < 0x7f && c != '\\' && c != '"' ? String.valueOf((char) c) : String.format("\\x%02x", c));
            }
            return sb.append(b.length > 600 ? "\"... (" + b.length + " bytes)" : "\"").toString();
        }
    }

    @FunctionalInterface
    private interface ThrowingCheck {
        void run() throws Throwable;
    }

    /** The core, JSTP listener and Primus endpoint of every input, and one listener per configuration. */
    private static final class Shared {
        static final Shared INSTANCE = new Shared();
        private final TetherCore core;
        private final WebRoutes routes;
        private final Map<HttpOptions, HttpProtocolServer> listeners = new ConcurrentHashMap<>();

        private Shared() {
            core = TetherCore.builder().room("room1").build();
            JstpApplication app = JstpApplication.builder("fuzzApp", "1.0.0")
                    .iface(JstpInterface.builder("box")
                            .nonBlocking("echo", 1, ctx -> List.of(String.valueOf(ctx.arg(0))))
                            .build())
                    .build();
            JstpProtocolServer jstp = new JstpProtocolServer(core, JstpOptions.defaults().toBuilder().port(0)
                    .host("127.0.0.1").application(app).build());
            PrimusEndpoint primus = new PrimusEndpoint(core, PrimusOptions.defaults());
            // as tether-app's WebListener routes them (tether.http.jstp-path, tether.http.web.primus-path)
            routes = primus.addTo(WebRoutes.builder().webSocket("/jstp", jstp.webSocketEndpoint())).build();
        }

        HttpProtocolServer listener(HttpOptions options) {
            return listeners.computeIfAbsent(options, o -> new HttpProtocolServer(core, o, routes));
        }
    }

    /** Replaces the embedded loop's task queue (an ArrayDeque) by a concurrent one: async decisions hop back to it. */
    static void concurrentTaskQueue(EventLoop loop) {
        try {
            Field tasks = loop.getClass().getDeclaredField("tasks");
            tasks.setAccessible(true);
            @SuppressWarnings("unchecked")
            Queue<Runnable> old = (Queue<Runnable>) tasks.get(loop);
            tasks.set(loop, new ConcurrentLinkedQueue<>(old));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EmbeddedEventLoop has no 'tasks' queue field any more: update the harness", e);
        }
    }

    private static boolean scaledDue(int hash) {
        if (!FUZZING || SCALE_EVERY <= 1) {
            return true;
        }
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, SCALE_EVERY) == 0;
    }

    private static byte[] repeat(byte[] unit) {
        int copies = (SCALED_BYTES + unit.length - 1) / unit.length;
        byte[] out = new byte[copies * unit.length];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    private static long reads(long bytes, int[] sizes) {
        long reads = 0;
        for (long at = 0; at < bytes; reads++) {
            at += sizes[(int) (reads % sizes.length)];
        }
        return reads;
    }
}
