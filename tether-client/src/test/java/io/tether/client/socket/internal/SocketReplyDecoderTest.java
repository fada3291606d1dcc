package io.tether.client.socket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SocketReplyDecoderTest {

    private static void feed(EmbeddedChannel ch, String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    @Test
    void splitsCrlfAndLfLinesAcrossReadsAndSkipsEmptyOnes() {
        EmbeddedChannel ch = new EmbeddedChannel(new SocketReplyDecoder(1024));
        feed(ch, "{\"a\":1}\r\n{\"b\"");
        feed(ch, ":\"é\"}\n\r\n{\"c\":3}\r");
        assertThat((String) ch.readInbound()).isEqualTo("{\"a\":1}");
        assertThat((String) ch.readInbound()).isEqualTo("{\"b\":\"é\"}");
        assertThat((Object) ch.readInbound()).isNull();
        feed(ch, "\n");
        assertThat((String) ch.readInbound()).isEqualTo("{\"c\":3}");
    }

    @Test
    void multiByteCharacterSplitAcrossReads() {
        EmbeddedChannel ch = new EmbeddedChannel(new SocketReplyDecoder(1024));
        byte[] bytes = "\"ü\"\r\n".getBytes(StandardCharsets.UTF_8);
        ch.writeInbound(Unpooled.wrappedBuffer(bytes, 0, 2));
        ch.writeInbound(Unpooled.wrappedBuffer(bytes, 2, bytes.length - 2));
        assertThat((String) ch.readInbound()).isEqualTo("\"ü\"");
    }

    @Test
    void capsUnterminatedLines() {
        EmbeddedChannel ch = new EmbeddedChannel(new SocketReplyDecoder(1024));
        assertThatThrownBy(() -> feed(ch, "x".repeat(2000))).isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void capturesRawFileBytesUpToTheMarkerReply() {
        SocketReplyDecoder decoder = new SocketReplyDecoder(1024);
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        decoder.captureFileUntil("(m-1)");
        feed(ch, "line one\nline {two}\n");
        assertThat((Object) ch.readInbound()).isNull();
        feed(ch, "{\"error\":\"connection not in this room (m-1)\",\"context\":\"response\"}\r\n{\"x\":1}\r\n");
        SocketReplyDecoder.FileContent file = ch.readInbound();
        assertThat(new String(file.bytes(), StandardCharsets.UTF_8)).isEqualTo("line one\nline {two}\n");
        assertThat((String) ch.readInbound()).startsWith("{\"error\":\"connection not in this room (m-1)");
        assertThat((String) ch.readInbound()).isEqualTo("{\"x\":1}");
    }
}
