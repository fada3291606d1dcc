package io.tether.codec.primus;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Primus wire format of the {@code websockets} transformer with the {@code JSON} parser,
 * as {@code primus@8} speaks it: every frame is one JSON text; Primus' own protocol messages
 * are JSON strings ({@code "primus::ping::<ms>"} from the server, {@code "primus::pong::<ms>"}
 * and {@code "primus::id::"} from the client, {@code "primus::server::close"} before a close the
 * client should not reconnect after); application messages are JSON objects. Outgoing text has
 * U+2028 and U+2029 escaped, as Primus does. Thread-safe: one instance serves a listener.
 */
public final class PrimusCodec {
    private static final String PREFIX = "primus::";

    private final JsonMapper json;
    private final FastThreadLocal<BytesWriter> writers = new FastThreadLocal<>() {
        @Override
        protected BytesWriter initialValue() {
            return new BytesWriter(json);
        }
    };

    /** A codec whose parser refuses JSON nested deeper than {@code maxNesting}. */
    public PrimusCodec(int maxNesting) {
        this.json = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNesting).build())
                        .rootValueSeparator((String) null) // a reused generator writes each value alone
                        .build())
                .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    /** A codec with a nesting limit of 64. */
    public PrimusCodec() {
        this(64);
    }

    /** Decodes one text frame. */
    public PrimusInbound decode(String text) {
        Object value;
        try {
            value = json.readValue(text, Object.class);
        } catch (JacksonException e) {
            return malformed(e);
        }
        return classify(value);
    }

    /**
     * Decodes one text frame given as its UTF-8 bytes, {@code bytes[offset, offset + length)}: the
     * same as {@link #decode(String)} without making the string first.
     */
    public PrimusInbound decode(byte[] bytes, int offset, int length) {
        Object value;
        try {
            value = json.readValue(bytes, offset, length, Object.class);
        } catch (JacksonException e) {
            return malformed(e);
        }
        return classify(value);
    }

    private static PrimusInbound malformed(JacksonException e) {
        return new PrimusInbound.Malformed("malformed JSON: " + firstLine(e.getOriginalMessage()));
    }

    private static PrimusInbound classify(Object value) {
        return switch (value) {
            case String s when s.startsWith(PREFIX + "pong::") -> new PrimusInbound.Pong(s.substring(14));
            case String s when s.startsWith(PREFIX + "id::") -> new PrimusInbound.IdRequest();
            case Map<?, ?> m -> request(m);
            case null -> new PrimusInbound.Malformed("not a JSON object: null");
            default -> new PrimusInbound.Malformed("not a JSON object: " + kind(value));
        };
    }

    private static PrimusInbound request(Map<?, ?> m) {
        Map<String, Object> data = new LinkedHashMap<>(m.size());
        m.forEach((k, v) -> data.put(String.valueOf(k), v));
        Object event = data.remove("event");
        Object messageId = data.remove("messageId");
        return new PrimusInbound.Request(event instanceof String s ? s : null, messageId, data);
    }

    /**
     * Appends the frame text of a JSON-able value to {@code out} as UTF-8: the same bytes as
     * {@link #encode(Object)}, written by a generator each thread keeps (no string, no
     * per-message generator). On an exception {@code out} may hold part of the value.
     */
    public void encode(Object value, ByteBuf out) {
        int start = out.writerIndex();
        writers.get().write(value, out);
        // U+2028 and U+2029 (E2 80 A8/A9) must be escaped: rare, so done again through the text
        if (out.indexOf(start, out.writerIndex(), (byte) 0xE2) >= 0) {
            out.writerIndex(start);
            ByteBufUtil.writeUtf8(out, encode(value));
        }
    }

    /** The frame text of a JSON-able value (maps keep their order). */
    public String encode(Object value) {
        String text = json.writeValueAsString(value);
        if (text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) {
            text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        }
        return text;
    }

    /** The heartbeat frame {@code "primus::ping::<millis>"}. */
    public static String ping(long millis) {
        return "\"" + PREFIX + "ping::" + millis + "\"";
    }

    /** The answer to {@code "primus::id::"}: {@code "primus::id::<id>"}. */
    public String id(String sparkId) {
        return encode(PREFIX + "id::" + sparkId);
    }

    /** {@code "primus::server::close"}: the client must not reconnect. */
    public static String serverClose() {
        return "\"" + PREFIX + "server::close\"";
    }

    private static String kind(Object value) {
        return switch (value) {
            case String s -> "a string";
            case Number n -> "a number";
            case Boolean b -> "a boolean";
            case java.util.List<?> l -> "an array";
            default -> value.getClass().getSimpleName();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** One thread's long-lived generator, retargeted to each message's buffer. Not thread-safe. */
    private static final class BytesWriter extends OutputStream {
        private final JsonMapper json;
        private JsonGenerator generator;
        private ByteBuf out;

        BytesWriter(JsonMapper json) {
            this.json = json;
        }

        void write(Object value, ByteBuf target) {
            out = target;
            JsonGenerator g = generator != null ? generator : json.createGenerator(this);
            generator = null;
            try {
                g.writePOJO(value);
                g.flush();
                generator = g; // only a generator that finished a whole value is reused
            } finally {
                out = null;
            }
        }

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
