package io.tether.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.tether.core.TetherCore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A frame that breaks the protocol or the frame cap gets exactly one close frame with its code,
 * then the connection closes (finding 2 of {@link WebSocketInboundFuzzTest}: Netty's frame decoder
 * wrote the close frame itself, bypassing its protocol stage, which then sent a second one, 1000,
 * as the connection closed). The endpoint has a flush consolidation stage like Primus and JSTP, so
 * a close frame that waited for the end of the read would be lost: this checks it is not.
 */
class WebSocketProtocolViolationTest {
    private static final String UPGRADE = "GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    private static TetherCore core;
    private static HttpProtocolServer listener;
    private static HttpProtocolServer closing;

    @BeforeAll
    static void start() {
        core = TetherCore.builder().build();
        listener = new HttpProtocolServer(core, HttpOptions.defaults().toBuilder().maxFrameBytes(125).maxMessageBytes(125)
                .build(), WebRoutes.builder().webSocket("/ws", new WebSocketEndpoint() {
                    @Override
                    public void initChannel(Channel channel, WebSocketRequest request) {
                        channel.pipeline().addLast(new FlushConsolidationHandler(256, true));
                    }
                }).build());
    }

    @BeforeAll
    static void startClosing() {
        // an endpoint that closes (1000) at the first message, behind a flush consolidation like Primus
        closing = new HttpProtocolServer(core, HttpOptions.defaults(), WebRoutes.builder().webSocket("/ws", new WebSocketEndpoint() {
            @Override
            public void initChannel(Channel channel, WebSocketRequest request) {
                channel.pipeline().addLast(new FlushConsolidationHandler(256, true)).addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ReferenceCountUtil.release(msg);
                        ctx.writeAndFlush(new CloseWebSocketFrame(1000, "quit")).addListener(ChannelFutureListener.CLOSE);
                    }
                });
            }
        }).build());
    }

    /** Finding 3: a ping (or a close) in the same read after a message that made the server close got no answer after the close frame. */
    @org.junit.jupiter.api.Test
    void nothingFollowsTheServersCloseFrame() {
        byte[] text = {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 'x' ^ 1};
        byte[] ping = {(byte) 0x89, (byte) 0x81, 1, 2, 3, 4, 'p' ^ 1};
        byte[] close = {(byte) 0x88, (byte) 0x82, 1, 2, 3, 4, 0x03 ^ 1, (byte) (0xe8 ^ 2)};
        EmbeddedChannel ch = new EmbeddedChannel(closing.initializer());
        ch.writeInbound(Unpooled.copiedBuffer(UPGRADE, StandardCharsets.US_ASCII));
        ch.writeInbound(Unpooled.wrappedBuffer(text, ping, close));
        ch.runPendingTasks();
        byte[] all = output(ch);
        int at = new String(all, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
        assertThat(all[at] & 0xff).as("a close frame").isEqualTo(0x88);
        assertThat(((all[at + 2] & 0xff) << 8) | (all[at + 3] & 0xff)).isEqualTo(1000);
        assertThat(all.length).as("nothing after the close frame (no pong, no echoed close)").isEqualTo(at + 2 + (all[at + 1] & 0x7f));
        assertThat(ch.isOpen()).isFalse();
        ch.checkException();
        ch.finishAndReleaseAll();
    }

    /**
     * Finding 10: bytes that follow the upgrade request in the same read (a client must wait for
     * the 101, RFC 6455 4.1) went to Netty's HTTP codec, which was parsing them as the next
     * request when the handshake removed it; they were lost and framing resumed mid-stream in
     * the next read, where a close frame hidden in a pong's payload was echoed. Now: 101, one
     * 1002, closed, whatever comes next.
     */
    @ParameterizedTest(name = "{0} byte(s) after the request")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 5, 30})
    void framesBeforeTheHandshakeResponseAreAProtocolError(int early) {
        // an unmasked pong (the frame the fuzzer sent) whose payload hides a masked close frame at 30
        byte[] pong = new byte[40];
        pong[0] = (byte) 0x8a;
        pong[1] = 0x7e;
        pong[3] = 36;
        byte[] hidden = {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x52, 0x00};
        System.arraycopy(hidden, 0, pong, 30, hidden.length);
        EmbeddedChannel ch = new EmbeddedChannel(listener.initializer());
        ch.writeInbound(Unpooled.buffer().writeBytes(UPGRADE.getBytes(StandardCharsets.US_ASCII)).writeBytes(pong, 0, early));
        if (ch.isOpen()) {
            ch.writeInbound(Unpooled.wrappedBuffer(pong, early, pong.length - early));
        }
        ch.runPendingTasks();
        byte[] all = output(ch);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\r\n\r\n") + 4;
        assertThat(text).startsWith("HTTP/1.1 101 ");
        assertThat(all[at] & 0xff).as("a final close frame").isEqualTo(0x88);
        int len = all[at + 1] & 0x7f;
        assertThat(((all[at + 2] & 0xff) << 8) | (all[at + 3] & 0xff)).as("close code").isEqualTo(1002);
        assertThat(all.length).as("nothing after the close frame").isEqualTo(at + 2 + len);
        assertThat(ch.isOpen()).isFalse();
        ch.checkException();
        ch.finishAndReleaseAll();
    }

    private static byte[] output(EmbeddedChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
            assertThat(o).as("bytes only").isInstanceOf(ByteBuf.class);
            ByteBuf b = (ByteBuf) o;
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    static Stream<Arguments> frames() {
        return Stream.of(
                Arguments.of("unmasked", new byte[] {(byte) 0x81, 0x01, 'x'}, 1002),
                Arguments.of("reserved bit", new byte[] {(byte) 0xC1, (byte) 0x81, 1, 2, 3, 4, 'x'}, 1002),
                Arguments.of("reserved opcode", new byte[] {(byte) 0x83, (byte) 0x80, 1, 2, 3, 4}, 1002),
                Arguments.of("fragmented ping", new byte[] {(byte) 0x09, (byte) 0x80, 1, 2, 3, 4}, 1002),
                Arguments.of("frame over the cap (16-bit length)", new byte[] {(byte) 0x81, (byte) 0xFE, 0, (byte) 200, 1, 2, 3, 4}, 1009),
                Arguments.of("64-bit length with the top bit", new byte[] {(byte) 0x81, (byte) 0xFF, (byte) 0x80, 0, 0, 0, 0, 0, 0, 1,
                    1, 2, 3, 4}, 1002),
                // a client close (3000) whose reason is not UTF-8: answered 1007, not echoed
                Arguments.of("close reason not UTF-8", new byte[] {(byte) 0x88, (byte) 0x83, 0, 0, 0, 0, 0x0b, (byte) 0xb8,
                    (byte) 0xde}, 1007));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void oneCloseFrameWithTheViolationsCode(String name, byte[] frame, int code) {
        EmbeddedChannel ch = new EmbeddedChannel(listener.initializer());
        ch.writeInbound(Unpooled.copiedBuffer(UPGRADE, StandardCharsets.US_ASCII));
        ch.writeInbound(Unpooled.wrappedBuffer(frame));
        ch.runPendingTasks();
        byte[] all = output(ch);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\r\n\r\n") + 4;
        assertThat(text).startsWith("HTTP/1.1 101 ");
        assertThat(all.length).as("a frame follows the 101").isGreaterThan(at + 4);
        assertThat(all[at] & 0xff).as("a final close frame").isEqualTo(0x88);
        int len = all[at + 1] & 0x7f;
        assertThat(((all[at + 2] & 0xff) << 8) | (all[at + 3] & 0xff)).as("close code").isEqualTo(code);
        assertThat(all.length).as(name + ": nothing after the close frame").isEqualTo(at + 2 + len);
        assertThat(ch.isOpen()).isFalse();
        ch.checkException();
        ch.finishAndReleaseAll();
    }
}
