package io.tether.codec.jstp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.tether.codec.outbound.CoalescingEncoder;
import io.tether.codec.outbound.WireWriter;

/**
 * Writes a {@link JstpMessage}, or message text that was serialized earlier (a
 * {@link CharSequence}, e.g. from a session's resend buffer), as UTF-8 followed by one
 * {@code 0x00} terminator; used by a per-channel {@link CoalescingEncoder}, so a
 * message is never split across writes. Pre-serialized text is written byte-identically.
 * Stateless and thread-safe: one instance serves a whole listener.
 */
public final class JstpWireWriter implements WireWriter {
    private final JstpMessages messages;

    /** A writer with the default mdsf settings. */
    public JstpWireWriter() {
        this(JstpMessages.defaults());
    }

    /** A writer using the given converter. */
    public JstpWireWriter(JstpMessages messages) {
        this.messages = messages;
    }

    @Override
    public boolean accepts(Object msg) {
        return msg instanceof JstpMessage || msg instanceof CharSequence;
    }

    @Override
    public void write(Object msg, ByteBuf out) {
        CharSequence text = msg instanceof JstpMessage m ? messages.toMdsf(m) : (CharSequence) msg;
        ByteBufUtil.writeUtf8(out, text);
        out.writeByte(0);
    }
}
