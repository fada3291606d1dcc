/**
 * Framing shared by both protocols: {@link io.tether.codec.framing.TerminatedFrameDecoder}
 * splits a stream at one-byte terminators (CR/LF lines, NUL-terminated JSTP frames) in one
 * pass, with a hard cap.
 *
 * <pre>{@code
 * pipeline.addLast("lines", new TerminatedFrameDecoder(ByteProcessor.FIND_CRLF, 1 << 20));
 * }</pre>
 */
package io.tether.codec.framing;
