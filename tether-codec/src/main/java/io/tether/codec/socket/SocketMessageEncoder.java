package io.tether.codec.socket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each {@link SocketMessage} as compact JSON (raw UTF-8, integers plain, map order
 * kept) followed by {@code \r\n}, in one buffer, so a message is never split across writes
 * (spec §3.4). Other outbound messages (e.g. file chunks) pass through. Sharable.
 */
@io.netty.channel.ChannelHandler.Sharable
public final class SocketMessageEncoder extends MessageToByteEncoder<SocketMessage> {
    private static final byte[] CRLF = {'\r', '\n'};

    private final JsonMapper json = JsonMapper.builder()
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** An encoder. */
    public SocketMessageEncoder() {
        super(SocketMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, SocketMessage msg, ByteBuf out) {
        json.writeValue((java.io.OutputStream) new ByteBufOutputStream(out), msg.value());
        out.writeBytes(CRLF);
    }

    /** The JSON text of a message, without the line ending (for logs and tests). */
    public String toJson(SocketMessage msg) {
        return json.writeValueAsString(msg.value());
    }
}
