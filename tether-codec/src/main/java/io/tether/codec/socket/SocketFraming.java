package io.tether.codec.socket;

import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import io.tether.codec.framing.TerminatedFrameDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds the framing stage of the socket protocol: splitting on the configured delimiter, CR
 * and LF (so CR, LF and CRLF all end a line) — a single-pass {@link TerminatedFrameDecoder}
 * when the delimiter is made of CR/LF (the default), else a single-pass decoder that frames as
 * Netty's {@code DelimiterBasedFrameDecoder} would (which searches the buffered input again on
 * every read, quadratic for a line trickled in small reads),
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
        return frameDecoders(delimiter, maxLineBytes).get();
    }

    /**
     * A source of per-channel frame decoders for one listener: the delimiter is examined once
     * here, not once per accepted channel.
     */
    public static Supplier<ByteToMessageDecoder> frameDecoders(String delimiter, int maxLineBytes) {
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("delimiter must not be empty");
        }
        if (delimiter.chars().allMatch(c -> c == '\r' || c == '\n')) {
            return () -> new TerminatedFrameDecoder(ByteProcessor.FIND_CRLF, maxLineBytes);
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(delimiter);
        all.add("\r");
        all.add("\n");
        byte[][] delimiters = all.stream().map(d -> d.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        return () -> new DelimitersFrameDecoder(delimiters, maxLineBytes);
    }
}
