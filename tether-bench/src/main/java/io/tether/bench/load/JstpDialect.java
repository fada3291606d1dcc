package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tether.codec.jstp.JstpFrameDecoder;
import io.tether.codec.mdsf.MdsfReader;
import io.tether.codec.mdsf.MdsfWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSTP: {@code {handshake:[0,'app']}} first; ready on {@code {handshake:[0],ok:…}};
 * requests are {@code {call:[id,'iface'],method:args}} and each {@code {callback:[id],…}}
 * is matched by id ({@code error} = error). Server pings are answered with a pong, server
 * calls ({@code {call:[-id,…],…}}, e.g. from {@code bench.pull} of {@code JstpBenchServer}) with
 * {@code {callback:[-id],ok:['pong']}}; events are ignored.
 */
final class JstpDialect implements Dialect {
    private static final byte[] HANDSHAKE_OK = Bytes.ascii("{handshake:[0],ok");
    private static final byte[] CALLBACK = Bytes.ascii("{callback:[");
    private static final byte[] PING = Bytes.ascii("{ping:[");
    private static final byte[] SERVER_CALL = Bytes.ascii("{call:[");
    private static final byte[] ERROR = Bytes.ascii("],error");

    private final byte[] handshake;
    private final byte[] callPrefix;
    private final byte[] callSuffix;

    JstpDialect(String app, String iface, String method, String args) {
        MdsfWriter writer = MdsfWriter.defaults();
        if (!(MdsfReader.defaults().parseValue(args) instanceof List<?>)) {
            throw new IllegalArgumentException("--args must be an mdsf array, e.g. ['hello']: " + args);
        }
        this.handshake = Bytes.ascii("{handshake:[0," + writer.write(app) + "]}\0");
        this.callPrefix = Bytes.ascii("{call:[");
        StringBuilder suffix = new StringBuilder().append(',').append(writer.write(iface)).append("],");
        writer.writeKey(suffix, method);
        this.callSuffix = Bytes.ascii(suffix.append(':').append(args).append("}\0").toString());
    }

    @Override
    public byte terminator() {
        return 0;
    }

    @Override
    public int maxFrameBytes() {
        return JstpFrameDecoder.DEFAULT_MAX_FRAME_BYTES;
    }

    @Override
    public ByteBuf greeting(ByteBufAllocator alloc) {
        return alloc.buffer(handshake.length).writeBytes(handshake);
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
        out.writeBytes(callPrefix);
        ByteBufUtil.writeAscii(out, Long.toString(id));
        out.writeBytes(callSuffix);
    }

    @Override
    public void onFrame(byte[] b, int from, int to, boolean ready, ReplySink sink) {
        if (!ready) {
            if (Bytes.matchesAt(b, from, to, HANDSHAKE_OK)) {
                sink.ready();
            } else {
                sink.fatal("handshake refused: " + new String(b, from, to - from, StandardCharsets.UTF_8));
            }
            return;
        }
        if (Bytes.matchesAt(b, from, to, CALLBACK)) {
            int at = from + CALLBACK.length;
            long id = Bytes.parseLong(b, at, to);
            sink.reply(id, Bytes.matchesAt(b, Bytes.skipDigits(b, at, to), to, ERROR));
        } else if (Bytes.matchesAt(b, from, to, PING)) {
            long id = signedId(b, from + PING.length, to);
            sink.send(Unpooled.wrappedBuffer(Bytes.ascii("{pong:[" + id + "]}\0")));
        } else if (Bytes.matchesAt(b, from, to, SERVER_CALL)) {
            long id = signedId(b, from + SERVER_CALL.length, to);
            sink.send(Unpooled.wrappedBuffer(Bytes.ascii("{callback:[" + id + "],ok:['pong']}\0")));
        }
    }

    /** A server id ({@code -5}) or a plain one. */
    private static long signedId(byte[] b, int at, int to) {
        return at < to && b[at] == '-' ? -Bytes.parseLong(b, at + 1, to) : Bytes.parseLong(b, at, to);
    }
}
