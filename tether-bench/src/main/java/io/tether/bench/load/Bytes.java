package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Allocation-free searches in a frame, so the generator stays cheaper than the server. */
final class Bytes {
    private Bytes() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code needle} occurs at absolute index {@code at} (within the written bytes). */
    static boolean matchesAt(ByteBuf buf, int at, byte[] needle) {
        if (at + needle.length > buf.writerIndex()) {
            return false;
        }
        for (int j = 0; j < needle.length; j++) {
            if (buf.getByte(at + j) != needle[j]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the readable bytes start with {@code prefix}. */
    static boolean startsWith(ByteBuf buf, byte[] prefix) {
        if (buf.readableBytes() < prefix.length) {
            return false;
        }
        int start = buf.readerIndex();
        for (int j = 0; j < prefix.length; j++) {
            if (buf.getByte(start + j) != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    /** The non-negative decimal starting at absolute index {@code at}, or -1 if there is none. */
    static long parseLong(ByteBuf buf, int at) {
        long v = 0;
        int i = at;
        int end = Math.min(buf.writerIndex(), at + 18);
        for (; i < end; i++) {
            byte b = buf.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            v = v * 10 + (b - '0');
        }
        return i == at ? -1 : v;
    }
}
