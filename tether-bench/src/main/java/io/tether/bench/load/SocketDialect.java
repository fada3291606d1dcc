package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/**
 * ActionHero socket protocol. The first line (the welcome) makes the connection ready and
 * is not counted; {@code context:"api"} and {@code context:"user"} lines are skipped; any
 * other line is one reply, an error when it has an {@code "error"} key. Inline requests
 * are matched in order (an approximation: the server may answer out of order, which only
 * shifts latencies between requests of one connection); JSON requests carry
 * {@code params.messageId} and are matched exactly.
 */
final class SocketDialect implements Dialect {
    private static final byte[] CONTEXT = Bytes.ascii("\"context\":\"");
    private static final byte[] API = Bytes.ascii("api\"");
    private static final byte[] USER = Bytes.ascii("user\"");
    private static final byte[] ERROR = Bytes.ascii("\"error\":");
    private static final byte[] MESSAGE_ID = Bytes.ascii("\"messageId\":\"");
    private static final int MAX_LINE = 1024 * 1024;

    private final byte[] inline;
    private final byte[] jsonPrefix;
    private final boolean json;

    SocketDialect(String request, boolean json) {
        this.json = json;
        this.inline = Bytes.ascii(request + "\n");
        this.jsonPrefix = Bytes.ascii("{\"action\":\"" + request.replace("\"", "\\\"")
                + "\",\"params\":{\"messageId\":\"");
    }

    @Override
    public byte terminator() {
        return '\n';
    }

    @Override
    public int maxFrameBytes() {
        return MAX_LINE;
    }

    @Override
    public ByteBuf greeting(ByteBufAllocator alloc) {
        return null;
    }

    @Override
    public boolean readyOnConnect() {
        return false;
    }

    @Override
    public boolean matchesById() {
        return json;
    }

    @Override
    public void writeRequest(long id, ByteBuf out) {
        if (!json) {
            out.writeBytes(inline);
            return;
        }
        out.writeBytes(jsonPrefix);
        ByteBufUtil.writeAscii(out, Long.toString(id));
        out.writeByte('"').writeByte('}').writeByte('}').writeByte('\n');
    }

    @Override
    public void onFrame(byte[] b, int from, int to, boolean ready, ReplySink sink) {
        if (!ready) {
            sink.ready();
            return;
        }
        int end = to > from && b[to - 1] == '\r' ? to - 1 : to;
        if (end == from) {
            return;
        }
        boolean error = false;
        long id = -1;
        // one pass over the quotes: every key of interest starts with one
        for (int q = Bytes.indexOf(b, from, end, (byte) '"'); q >= 0; q = Bytes.indexOf(b, q + 1, end, (byte) '"')) {
            if (Bytes.matchesAt(b, q, end, CONTEXT)) {
                int v = q + CONTEXT.length;
                if (Bytes.matchesAt(b, v, end, API) || Bytes.matchesAt(b, v, end, USER)) {
                    return;
                }
            } else if (Bytes.matchesAt(b, q, end, ERROR)) {
                error = true;
            } else if (json && id < 0 && Bytes.matchesAt(b, q, end, MESSAGE_ID)) {
                id = Bytes.parseLong(b, q + MESSAGE_ID.length, end);
            }
        }
        if (id >= 0) {
            sink.reply(id, error);
        } else {
            sink.replyInOrder(error);
        }
    }
}
