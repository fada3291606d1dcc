package io.tether.codec.socket;

import io.netty.buffer.ByteBuf;
import java.io.OutputStream;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * One thread's long-lived Jackson generator, retargeted to each message's buffer: the
 * generator, its buffers and its serialization context are made once per I/O thread, not once
 * per message. Strings, integers, doubles, booleans and nulls are written with the streaming
 * API, anything else through the mapper's serializers ({@code writePOJO}), so the output is
 * byte-identical to {@code mapper.writeValue}. A failed write discards the generator (its
 * state and buffer may hold a partial value). Not thread-safe: one per thread.
 */
final class JsonLineWriter {
    private static final SerializableString CONTEXT = new SerializedString("context");
    private static final SerializableString RESPONSE = new SerializedString(SocketReplies.RESPONSE);
    private static final SerializableString MESSAGE_ID = new SerializedString("messageId");
    private static final SerializableString MESSAGE_COUNT = new SerializedString("messageCount");
    private static final SerializableString ERROR = new SerializedString("error");

    private final JsonMapper json;
    private final Target target = new Target();
    private JsonGenerator generator;

    /** A writer for {@code json}, which must have no root value separator. */
    JsonLineWriter(JsonMapper json) {
        this.json = json;
    }

    /** Appends the compact JSON of {@code value} to {@code out}. */
    void write(Object value, ByteBuf out) {
        target.out = out;
        JsonGenerator g = generator != null ? generator : json.createGenerator(target);
        generator = null;
        try {
            writeValue(g, value);
            g.flush();
            generator = g; // only a generator that finished a whole value is reused
        } finally {
            target.out = null;
        }
    }

    private static void writeValue(JsonGenerator g, Object value) {
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Integer i -> g.writeNumber(i.intValue());
            case Long l -> g.writeNumber(l.longValue());
            case Double d -> g.writeNumber(d.doubleValue());
            case Boolean b -> g.writeBoolean(b.booleanValue());
            case ActionReply r -> writeActionReply(g, r);
            default -> g.writePOJO(value);
        }
    }

    private static void writeActionReply(JsonGenerator g, ActionReply r) {
        g.writeStartObject();
        for (Map.Entry<String, ?> e : r.fields().entrySet()) {
            if (!r.skips(e.getKey())) {
                g.writeName(e.getKey());
                writeValue(g, e.getValue());
            }
        }
        if (r.error() != null) {
            g.writeName(ERROR);
            g.writeString(r.error());
        }
        g.writeName(CONTEXT);
        g.writeString(RESPONSE);
        g.writeName(MESSAGE_ID);
        writeValue(g, r.messageId());
        g.writeName(MESSAGE_COUNT);
        g.writeNumber(r.messageCount());
        g.writeEndObject();
    }

    /** The generator's output stream, pointed at the current message's buffer. */
    private static final class Target extends OutputStream {
        ByteBuf out;

        @Override
        public void write(int b) {
            out.writeByte(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.writeBytes(b, off, len);
        }
    }
}
