package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Redis inline {@code PING}: every reply line completes the oldest request; {@code -ERR…} is an error. */
final class RedisDialect implements Dialect {
    private static final byte[] PING = Bytes.ascii("PING\r\n");

    @Override
    public byte terminator() {
        return '\n';
    }

    @Override
    public int maxFrameBytes() {
        return 64 * 1024;
    }

    @Override
    public ByteBuf greeting(ByteBufAllocator alloc) {
        return null;
    }

    @Override
    public boolean readyOnConnect() {
        return true;
    }

    @Override
    public boolean matchesById() {
        return false;
    }

    @Override
    public void writeRequest(long id, ByteBuf out) {
        out.writeBytes(PING);
    }

    @Override
    public void onFrame(byte[] b, int from, int to, boolean ready, ReplySink sink) {
        boolean error = to == from || b[from] != '+';
        sink.replyInOrder(error);
    }
}
