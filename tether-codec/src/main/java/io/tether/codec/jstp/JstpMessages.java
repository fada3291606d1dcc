package io.tether.codec.jstp;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.codec.mdsf.MdsfReader;
import io.tether.codec.mdsf.MdsfWriter;
import java.util.Map;

/**
 * Converts between mdsf text, parsed mdsf objects and {@link JstpMessage}s. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * JstpMessages codec = JstpMessages.defaults();
 * JstpMessage m = codec.parse("{call:[1,'calculator'],answer:[]}");
 * String text = codec.toMdsf(new JstpMessage.Callback(1, List.of(42), null)); // {callback:[1],ok:[42]}
 * }</pre>
 */
public final class JstpMessages {
    private static final JstpMessages DEFAULTS = new JstpMessages(MdsfReader.defaults(), MdsfWriter.defaults());

    private final MdsfReader reader;
    private final JstpMessageWriter writer;

    private JstpMessages(MdsfReader reader, MdsfWriter writer) {
        this.reader = reader;
        this.writer = new JstpMessageWriter(writer);
    }

    /** Default reader and writer (nesting cap 512). */
    public static JstpMessages defaults() {
        return DEFAULTS;
    }

    /** Uses the given mdsf reader and writer. */
    public static JstpMessages of(MdsfReader reader, MdsfWriter writer) {
        return new JstpMessages(reader, writer);
    }

    /**
     * Parses one message text (one frame without its terminator).
     *
     * @throws TetherException {@link ErrorCode#PROTOCOL_ERROR} on an empty text, an mdsf
     *     syntax error ({@link io.tether.codec.mdsf.MdsfSyntaxException}) or an invalid header
     */
    public JstpMessage parse(String text) {
        if (text.isEmpty()) {
            throw new MalformedInput("empty JSTP message");
        }
        return fromMap(reader.parseMessage(text));
    }

    /**
     * Classifies a parsed message object by its first key and validates its header.
     *
     * @throws TetherException {@link ErrorCode#PROTOCOL_ERROR} on a structurally invalid header
     */
    public JstpMessage fromMap(Map<String, Object> message) {
        return JstpMessageReader.fromMap(message);
    }

    /**
     * The canonical text of a message, kind first and verb second.
     *
     * @throws TetherException {@link ErrorCode#INTERNAL_ERROR} for {@link JstpMessage.Unknown}
     *     or payloads mdsf cannot represent
     */
    public String toMdsf(JstpMessage message) {
        return writer.write(message);
    }
}
