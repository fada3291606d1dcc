package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * ActionHero's websocket protocol (Primus, {@code websockets} transformer, JSON parser), as
 * {@code ActionheroWebsocketClient} speaks it; WebSocket only ({@link WebSocketFraming} turns
 * each text message into one line, so {@code '\n'} is the terminator here). The first message
 * (the welcome) makes the connection ready and is not counted. Requests are
 * {@code {"event":"action","params":{"action":request},"messageId":"n"}}; each
 * {@code "context":"response"} message is one reply, matched by its {@code messageId} (an
 * error when it has an {@code "error"} key). Primus' heartbeat {@code "primus::ping::<ms>"} is
 * answered with {@code "primus::pong::<ms>"}; say broadcasts and other {@code "context":"user"}
 * or {@code "api"} messages are skipped.
 */
final class PrimusDialect implements Dialect {
    private static final byte[] PING = Bytes.ascii("\"primus::ping::");
    private static final byte[] RESPONSE = Bytes.ascii("\"context\":\"response\"");
    private static final byte[] ERROR = Bytes.ascii("\"error\":");
    private static final byte[] MESSAGE_ID = Bytes.ascii("\"messageId\":\"");
    private static final int MAX_MESSAGE = 1024 * 1024;

    private final byte[] prefix;

    PrimusDialect(String action) {
        this.prefix = Bytes.ascii("{\"event\":\"action\",\"params\":{\"action\":\"" + action.replace("\"", "\\\"")
                + "\"},\"messageId\":\"");
    }

    @Override
    public byte terminator() {
        return '\n';
    }

    @Override
    public int maxFrameBytes() {
        return MAX_MESSAGE;
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
        return true;
    }

    @Override
    public void writeRequest(long id, ByteBuf out) {
        out.writeBytes(prefix);
        ByteBufUtil.writeAscii(out, Long.toString(id));
        out.writeByte('"').writeByte('}').writeByte('\n');
    }

    @Override
    public void onFrame(byte[] b, int from, int to, boolean ready, ReplySink sink) {
        if (Bytes.matchesAt(b, from, to, PING)) {
            // "primus::ping::<ms>" -> "primus::pong::<ms>" (same length, same digits)
            byte[] pong = new byte[to - from + 1];
            System.arraycopy(b, from, pong, 0, to - from);
            pong[10] = 'o'; // "primus::p[i]ng
            pong[pong.length - 1] = '\n';
            sink.send(Unpooled.wrappedBuffer(pong));
            return;
        }
        if (!ready) {
            sink.ready(); // the welcome
            return;
        }
        boolean response = false;
        boolean error = false;
        long id = -1;
        for (int q = Bytes.indexOf(b, from, to, (byte) '"'); q >= 0; q = Bytes.indexOf(b, q + 1, to, (byte) '"')) {
            if (Bytes.matchesAt(b, q, to, RESPONSE)) {
                response = true;
            } else if (Bytes.matchesAt(b, q, to, ERROR)) {
                error = true;
            } else if (id < 0 && Bytes.matchesAt(b, q, to, MESSAGE_ID)) {
                id = Bytes.parseLong(b, q + MESSAGE_ID.length, to);
            }
        }
        if (response && id >= 0) {
            sink.reply(id, error);
        }
    }
}
