package io.tether.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 check of a whole text message (RFC 6455: a text message that is not UTF-8 fails the
 * connection with 1007). Text is mostly ASCII: a heap message is scanned eight bytes at a time
 * for a byte with the high bit set, and only from the first such byte on checked strictly
 * ({@link ByteBufUtil#isText}). Stateless.
 */
final class Utf8Text {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Text() {
    }

    /** Whether the readable bytes of {@code buf} are well-formed UTF-8. */
    static boolean isValid(ByteBuf buf) {
        int from = buf.readerIndex();
        int length = buf.readableBytes();
        if (buf.hasArray()) {
            byte[] a = buf.array();
            int start = buf.arrayOffset() + from;
            int i = start;
            int end = start + length;
            for (; i + Long.BYTES <= end; i += Long.BYTES) {
                if (((long) LONGS.get(a, i) & HIGH_BITS) != 0) {
                    break;
                }
            }
            while (i < end && a[i] >= 0) {
                i++;
            }
            if (i == end) {
                return true;
            }
            from += i - start;
            length = end - i;
        }
        return ByteBufUtil.isText(buf, from, length, StandardCharsets.UTF_8);
    }
}
