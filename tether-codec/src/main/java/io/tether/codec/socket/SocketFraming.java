package io.tether.codec.socket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Builds the framing stage of the socket protocol: splitting on the configured delimiter, CR
 * and LF (so CR, LF and CRLF all end a line) — a single-pass {@link LineFrameDecoder} when the
 * delimiter is made of CR/LF (the default), else Netty's {@link DelimiterBasedFrameDecoder},
 * delimiters stripped, with a hard cap enforced while framing ({@code failFast}): an
 * unterminated line longer than the cap raises
 * {@link io.netty.handler.codec.TooLongFrameException} at once, and the protocol closes the
 * connection (spec D5). Empty frames are emitted and dropped by {@link SocketLineDecoder}.
 */
public final class SocketFraming {
    private SocketFraming() {
    }

    /** A new (per-channel) frame decoder. */
    public static ByteToMessageDecoder newFrameDecoder(String delimiter, int maxLineBytes) {
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("delimiter must not be empty");
        }
        if (delimiter.chars().allMatch(c -> c == '\r' || c == '\n')) {
            return new LineFrameDecoder(maxLineBytes);
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(delimiter);
        all.add("\r");
        all.add("\n");
        ByteBuf[] delimiters = all.stream()
                .map(d -> Unpooled.wrappedBuffer(d.getBytes(StandardCharsets.UTF_8)))
                .toArray(ByteBuf[]::new);
        return new DelimiterBasedFrameDecoder(maxLineBytes, true, true, delimiters);
    }
}
