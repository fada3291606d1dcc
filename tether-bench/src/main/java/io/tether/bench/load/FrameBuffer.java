package io.tether.bench.load;

import io.netty.buffer.ByteBuf;

/**
 * One connection's unparsed input as a heap array: each read is appended with one bulk copy
 * and split at the dialect's terminator byte, so dialects scan plain arrays (fast whether or
 * not Netty may use {@code Unsafe} for its direct buffers, which JDK 25 turns off). Runs on
 * the connection's event loop only.
 */
final class FrameBuffer {
    /** Receives one frame: {@code bytes[from, to)}, terminator excluded. */
    @FunctionalInterface
    interface FrameConsumer {
        void frame(byte[] bytes, int from, int to);
    }

    private final byte terminator;
    private final int maxFrameBytes;
    private byte[] bytes = new byte[256];
    private int length;
    private int scanned;

    FrameBuffer(byte terminator, int maxFrameBytes) {
        this.terminator = terminator;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Appends the readable bytes of {@code in} (not released here). */
    void append(ByteBuf in) {
        int n = in.readableBytes();
        if (length + n > bytes.length) {
            byte[] grown = new byte[Math.max(bytes.length * 2, length + n)];
            System.arraycopy(bytes, 0, grown, 0, length);
            bytes = grown;
        }
        in.getBytes(in.readerIndex(), bytes, length, n);
        length += n;
    }

    /**
     * Passes every complete frame to {@code consumer} and keeps the rest; false when the
     * unterminated rest is longer than the cap (the connection should be dropped).
     */
    boolean drain(FrameConsumer consumer) {
        byte[] b = bytes;
        int start = 0;
        for (int i = scanned; i < length; i++) {
            if (b[i] == terminator) {
                consumer.frame(b, start, i);
                start = i + 1;
            }
        }
        int rest = length - start;
        if (start > 0 && rest > 0) {
            System.arraycopy(b, start, b, 0, rest);
        }
        length = rest;
        scanned = rest;
        return rest <= maxFrameBytes;
    }
}
