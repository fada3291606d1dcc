package io.tether.codec.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tether.api.RoomMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketMessageEncoderTest {
    private final EmbeddedChannel ch = new EmbeddedChannel(new SocketMessageEncoder());

    private String encode(SocketMessage m) {
        ch.writeOutbound(m);
        ByteBuf buf = ch.readOutbound();
        try {
            assertThat((Object) ch.readOutbound()).as("one buffer per message").isNull();
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    @Test
    void welcomeAndByeAreCompactWithCrlf() {
        assertThat(encode(SocketReplies.welcome("Hi"))).isEqualTo("{\"welcome\":\"Hi\",\"context\":\"api\"}\r\n");
        assertThat(encode(SocketReplies.bye())).isEqualTo("{\"status\":\"Bye\",\"context\":\"api\"}\r\n");
    }

    @Test
    void verbRepliesOmitDataWhenThereIsNone() {
        assertThat(encode(SocketReplies.verbOk(false, null, "id1", 3)))
                .isEqualTo("{\"status\":\"OK\",\"context\":\"response\",\"messageId\":\"id1\",\"messageCount\":3}\r\n");
        assertThat(encode(SocketReplies.verbOk(true, null, 4242L, 1)))
                .isEqualTo("{\"status\":\"OK\",\"context\":\"response\",\"data\":null,\"messageId\":4242,\"messageCount\":1}\r\n");
        assertThat(encode(SocketReplies.verbError("room does not exist", "x", 2)))
                .isEqualTo("{\"error\":\"room does not exist\",\"context\":\"response\",\"messageId\":\"x\",\"messageCount\":2}\r\n");
    }

    @Test
    void actionRepliesKeepFieldOrderThenErrorThenEnvelope() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sleepStarted", 1795344487674L);
        fields.put("context", "spoofed");
        fields.put("delta", 0.5);
        assertThat(encode(SocketReplies.actionReply(fields, "boom", "m", 7))).isEqualTo(
                "{\"sleepStarted\":1795344487674,\"delta\":0.5,\"error\":\"boom\",\"context\":\"response\","
                        + "\"messageId\":\"m\",\"messageCount\":7}\r\n");
    }

    @Test
    void nonAsciiIsRawUtf8() {
        String line = encode(SocketReplies.chat(new RoomMessage("r", "0", "héllo €", 1795344439967L)));
        assertThat(line).isEqualTo("{\"message\":\"héllo €\",\"room\":\"r\",\"from\":\"0\",\"context\":\"user\","
                + "\"sentAt\":1795344439967}\r\n");
    }

    @Test
    void tooLongAndFileNotFound() {
        assertThat(encode(SocketReplies.dataTooLong("0", 1))).isEqualTo("{\"status\":\"error\",\"error\":"
                + "\"DATA_LENGTH_TOO_LONG\",\"context\":\"response\",\"messageId\":\"0\",\"messageCount\":1}\r\n");
        assertThat(encode(SocketReplies.fileNotFound())).isEqualTo("\"that file is not found\"\r\n");
    }

    @Test
    void otherOutboundMessagesPassThrough() {
        ByteBuf raw = Unpooled.copiedBuffer("raw", StandardCharsets.UTF_8);
        ch.writeOutbound(raw);
        ByteBuf out = ch.readOutbound();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("raw");
        out.release();
    }
}
