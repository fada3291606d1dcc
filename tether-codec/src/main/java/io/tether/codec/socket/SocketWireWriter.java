package io.tether.codec.socket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.FastThreadLocal;
import io.tether.codec.outbound.CoalescingEncoder;
import io.tether.codec.outbound.PreEncoded;
import io.tether.codec.outbound.WireWriter;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each {@link SocketMessage} as compact JSON (raw UTF-8, integers plain, map order
 * kept) followed by {@code \r\n} in one write; used by a per-channel {@link CoalescingEncoder},
 * so a message is never split across writes. Each thread keeps one {@link JsonLineWriter} (a
 * reused Jackson generator), and action replies ({@link ActionReply}) are written from their
 * fields without building a merged map. A {@link PreEncoded} line (see {@link #encode}) is
 * copied as is. Other outbound messages (e.g. file chunks) are not accepted and pass the
 * encoder unchanged. Thread-safe: one instance serves a whole listener.
 */
public final class SocketWireWriter implements WireWriter {
    private static final byte[] CRLF = {'\r', '\n'};

    private final JsonMapper json = JsonMapper.builder(JsonFactory.builder().rootValueSeparator((String) null).build())
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private final FastThreadLocal<JsonLineWriter> writers = new FastThreadLocal<>() {
        @Override
        protected JsonLineWriter initialValue() {
            return new JsonLineWriter(json);
        }
    };

    @Override
    public boolean accepts(Object msg) {
        return msg instanceof SocketMessage || msg instanceof PreEncoded;
    }

    @Override
    public void write(Object msg, ByteBuf out) {
        if (msg instanceof PreEncoded p) {
            out.writeBytes(p.wire());
            return;
        }
        writers.get().write(((SocketMessage) msg).value(), out);
        out.writeBytes(CRLF);
    }

    /**
     * The complete wire form of a message (JSON and {@code \r\n}), to be written to many
     * channels without serializing it again (e.g. a room message to every member).
     */
    public PreEncoded encode(SocketMessage msg) {
        ByteBuf buf = Unpooled.buffer(256);
        try {
            writers.get().write(msg.value(), buf);
            buf.writeBytes(CRLF);
            byte[] wire = new byte[buf.readableBytes()];
            buf.readBytes(wire);
            return new PreEncoded(wire);
        } finally {
            buf.release();
        }
    }

    /** The JSON text of a message, without the line ending (for logs and tests). */
    public String toJson(SocketMessage msg) {
        ByteBuf buf = Unpooled.buffer();
        try {
            new JsonLineWriter(json).write(msg.value(), buf);
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }
}
